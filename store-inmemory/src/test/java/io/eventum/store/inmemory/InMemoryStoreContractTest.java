package io.eventum.store.inmemory;

import io.eventum.application.store.EventRecord;
import io.eventum.store.tck.HeldAppend;
import io.eventum.store.tck.StoreContract;

import java.util.List;

/** The whole store contract on the in-memory store; the assertions are inherited from {@link StoreContract}. */
class InMemoryStoreContractTest extends StoreContract<InMemoryEventStore> {

    @Override
    protected InMemoryEventStore createStore() {
        return new InMemoryEventStore();
    }

    /** The in-memory append is one step under the store's lock: see {@link HeldAppend#appendingAtCommit}. */
    @Override
    protected HeldAppend holdAppend(List<EventRecord> events) {
        return HeldAppend.appendingAtCommit(store(), events);
    }
}
