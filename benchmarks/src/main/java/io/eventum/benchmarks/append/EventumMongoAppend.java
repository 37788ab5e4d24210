package io.eventum.benchmarks.append;

import io.eventum.application.store.EventStore;
import io.eventum.benchmarks.EventumStores;
import io.eventum.benchmarks.db.InProcessMongo;

/** Appends to Eventum's {@code MongoEventStore} on an in-process server: one server per trial, fresh collections each iteration. */
public class EventumMongoAppend extends EventumAppendBenchmark {

    private InProcessMongo server;

    @Override
    protected EventStore emptyStore() {
        if (server == null) {
            server = new InProcessMongo();
        }
        return EventumStores.mongo(server);
    }

    @Override
    protected void stopEngine() {
        server.close();
        server = null;
    }
}
