package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.EngineStore;
import io.eventum.benchmarks.Workload;
import io.eventum.examples.ddd.ExampleAggregateRoot;
import io.eventum.examples.ddd.ExampleDDDApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The seed's aggregate with a snapshot policy of every 100 events, loaded at 100 and at 100,000
 * events. The aggregate is saved in commands of up to 1,000 events, each crossing a multiple of
 * 100, so its newest snapshot is at its last version: a load reads one snapshot and no event
 * after it (with this policy, a load in general reads a snapshot and at most 99 events). The
 * seed's state grows with its history (one entity per ExampleCreated), so the snapshot of a
 * 100,000-event aggregate holds 100,000 entity ids: a snapshot saves the per-event replay, not the
 * size of the state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class EventumSnapshotReplayBenchmark {

    /** The snapshot policy: every this many events. */
    static final int SNAPSHOT_EVERY = 100;

    /** How many events the aggregate has. */
    @Param({"100", "100000"})
    public int events;

    private EngineStore engineStore;
    private ExampleDDDApplication app;
    private UUID id;

    /** A new, empty store on an engine of its own for this trial; the store is also the snapshot store. */
    protected abstract EngineStore openStore();

    /** Stores the aggregate, taking snapshots as it goes, once per trial. */
    @Setup(Level.Trial)
    public void populate() {
        engineStore = openStore();
        app = new ExampleDDDApplication(engineStore.store(), SNAPSHOT_EVERY);
        id = Workload.populate(app, events);
    }

    /** One load: the newest snapshot, then the events after it. */
    @Benchmark
    public ExampleAggregateRoot load() {
        return app.aggregateRepository.get(id);
    }

    /** Closes the application and its store. */
    @TearDown(Level.Trial)
    public void close() {
        app.close();
        engineStore.stopEngine();
    }
}
