package io.eventum.benchmarks.replay;

import io.eventum.application.store.EventStore;
import io.eventum.benchmarks.EventumStores;
import io.eventum.benchmarks.db.InProcessMongo;

/** Replay from Eventum's {@code MongoEventStore} through the real driver, on an in-process wire-protocol server. */
public class EventumMongoReplay extends EventumReplayBenchmark {

    private InProcessMongo server;

    @Override
    protected EventStore createStore() {
        server = new InProcessMongo();
        return EventumStores.mongo(server);
    }

    @Override
    protected void stopEngine() {
        server.close();
    }
}
