package io.eventum.store.mongo;

import com.mongodb.client.MongoClient;
import io.eventum.store.tck.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole store contract against the in-process wire-protocol server, through the real driver.
 * The assertions are the contract's own, inherited from {@link StoreContract}.
 */
class MongoStoreContractTest extends StoreContract<MongoEventStore> {

    private static InProcessMongo mongo;
    private static MongoClient client;

    @BeforeAll
    static void startServer() {
        mongo = new InProcessMongo();
        client = mongo.newClient();
    }

    @AfterAll
    static void stopServer() {
        client.close();
        mongo.close();
    }

    @Override
    protected MongoEventStore createStore() {
        return MongoEventStore.builder().client(client).database(InProcessMongo.freshDatabase()).build();
    }
}
