package io.eventum.store.mongo;

import com.mongodb.client.MongoClient;
import io.eventum.application.store.EventRecord;
import io.eventum.store.tck.HeldAppend;
import io.eventum.store.tck.StoreContract;

import java.util.List;

/**
 * The whole store contract against the in-process wire-protocol server, through the real driver.
 * The assertions are the contract's own, inherited from {@link StoreContract}.
 */
class MongoStoreContractTest extends StoreContract<MongoEventStore> {

    private final MongoClient client = SharedMongo.client();

    @Override
    protected MongoEventStore createStore() {
        return MongoEventStore.builder().client(client).database(InProcessMongo.freshDatabase()).build();
    }

    /** An append is one document insert: see {@link HeldAppend#appendingAtCommit}. */
    @Override
    protected HeldAppend holdAppend(List<EventRecord> events) {
        return HeldAppend.appendingAtCommit(store(), events);
    }
}
