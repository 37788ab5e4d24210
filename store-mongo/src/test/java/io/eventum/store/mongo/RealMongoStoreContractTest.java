package io.eventum.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.eventum.application.store.EventRecord;
import io.eventum.store.tck.HeldAppend;
import io.eventum.store.tck.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole store contract against a real MongoDB:
 * {@code mvn verify -pl store-mongo -am -Pmongodb -Deventum.mongodb.uri=mongodb://localhost:27017}.
 * Without the profile this class is not run at all (its tag is excluded), so it never shows up as
 * skipped. It creates a database {@code eventum_tck_<millis>}, one collection prefix per test, and
 * drops the database at the end; the URI's own database, if any, is not touched. The assertions
 * are the contract's own, inherited from {@link StoreContract}.
 */
@Tag("real-mongodb")
class RealMongoStoreContractTest extends StoreContract<MongoEventStore> {

    private static final AtomicInteger PREFIXES = new AtomicInteger();
    private static MongoClient client;
    private static String database;

    @BeforeAll
    static void connect() {
        String uri = System.getProperty("eventum.mongodb.uri");
        if (uri == null || uri.isBlank()) {
            throw new IllegalStateException("the mongodb profile needs a connection string: -Deventum.mongodb.uri=mongodb://host:27017");
        }
        client = MongoClients.create(uri);
        database = "eventum_tck_" + System.currentTimeMillis();
    }

    @AfterAll
    static void dropAndDisconnect() {
        if (client != null) {
            client.getDatabase(database).drop();
            client.close();
        }
    }

    @Override
    protected MongoEventStore createStore() {
        return MongoEventStore.builder().client(client).database(database)
                .collectionPrefix("t" + PREFIXES.incrementAndGet() + "_").build();
    }

    /** An append is one document insert: see {@link HeldAppend#appendingAtCommit}. */
    @Override
    protected HeldAppend holdAppend(List<EventRecord> events) {
        return HeldAppend.appendingAtCommit(store(), events);
    }
}
