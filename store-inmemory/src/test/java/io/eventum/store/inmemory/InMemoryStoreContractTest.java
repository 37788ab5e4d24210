package io.eventum.store.inmemory;

import io.eventum.store.tck.StoreContract;

/** The whole store contract on the in-memory store; the assertions are inherited from {@link StoreContract}. */
class InMemoryStoreContractTest extends StoreContract<InMemoryEventStore> {

    @Override
    protected InMemoryEventStore createStore() {
        return new InMemoryEventStore();
    }
}
