package io.eventum.benchmarks.db;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.net.InetSocketAddress;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server, memory backend) on a loopback
 * port, for one trial: the real MongoDB driver talks to it over TCP, as it would to mongod. Its
 * figures measure Eventum's store and the driver, not a real MongoDB's storage engine.
 */
public final class InProcessMongo implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final String connectionString;

    /** Starts the server on a free port. */
    public InProcessMongo() {
        InetSocketAddress address = server.bind();
        this.connectionString = "mongodb://" + address.getHostString() + ":" + address.getPort() + "/eventum_bench";
    }

    /** How to reach it. */
    public String connectionString() {
        return connectionString;
    }

    /** Stops the server and drops everything it held. */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
