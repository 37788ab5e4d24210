package io.eventum.store.mongo;

import com.mongodb.client.MongoClient;

/**
 * One in-process server, and one client to it, for the test classes that only need a server to
 * talk to: each of their tests works in a fresh database ({@link InProcessMongo#freshDatabase()}),
 * so they share one server instead of each starting its own. Started on first use, stopped when the
 * test JVM exits. Tests that stop the server or listen to its commands start an
 * {@link InProcessMongo} of their own.
 */
final class SharedMongo {

    private static final InProcessMongo SERVER = new InProcessMongo();
    private static final MongoClient CLIENT = SERVER.newClient();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            CLIENT.close();
            SERVER.close();
        }, "shared-mongo-stop"));
    }

    private SharedMongo() {
    }

    /** The client to the shared server. */
    static MongoClient client() {
        return CLIENT;
    }

    /** The shared server's connection string, with the short timeouts of {@link InProcessMongo}. */
    static String connectionString() {
        return SERVER.connectionString();
    }
}
