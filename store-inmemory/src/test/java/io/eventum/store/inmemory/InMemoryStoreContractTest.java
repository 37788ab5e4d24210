package io.eventum.store.inmemory;

import io.eventum.store.tck.StoreContract;

class InMemoryStoreContractTest extends StoreContract<InMemoryEventStore> {

    @Override
    protected InMemoryEventStore createStore() {
        return new InMemoryEventStore();
    }
}
