package io.eventum.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server, memory backend) on a free local
 * port, talked to over TCP by the real driver. One per test class; each test gets its own database.
 */
final class InProcessMongo implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** A backend that outlives its server: shutting a MongoServer down closes (and empties) its backend. */
    private static final class LastingBackend extends MemoryBackend {
        private boolean closing;

        @Override
        public void close() {
            if (closing) {
                super.close();
            }
        }
    }

    private final LastingBackend backend = new LastingBackend();
    private MongoServer server;
    private final int port;

    InProcessMongo() {
        server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);
        port = server.getLocalAddress().getPort();
    }

    /** A connection string with short timeouts, so that failure tests end quickly. */
    String connectionString() {
        return "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000&socketTimeoutMS=5000";
    }

    MongoClient newClient() {
        return MongoClients.create(connectionString());
    }

    /** A database name no other test has used. */
    static String freshDatabase() {
        return "eventum_test_" + DATABASES.incrementAndGet();
    }

    /** Stops the server, keeping its data, as a crashed or restarted database would. */
    void stop() {
        server.shutdownNow();
    }

    /** Starts a server on the same port over the same data. */
    void restart() {
        server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
    }

    @Override
    public void close() {
        backend.closing = true;
        server.shutdownNow();
        backend.close();
    }
}
