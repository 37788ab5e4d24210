package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.EngineStore;

/** Replay from Eventum's {@code MongoEventStore} through the real driver, on an in-process wire-protocol server. */
public class EventumMongoReplay extends EventumReplayBenchmark {

    @Override
    protected EngineStore openStore() {
        return EngineStore.mongoInProcess();
    }
}
