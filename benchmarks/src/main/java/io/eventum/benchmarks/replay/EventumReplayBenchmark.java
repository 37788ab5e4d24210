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
 * Loads one aggregate of {@code events} events through {@code Repository.get(id)} of the seed's
 * {@code ExampleDDDApplication}: read, decode, apply. A store is benchmarked by a subclass that
 * says how to create it, in a few lines.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class EventumReplayBenchmark {

    /** How many events the aggregate has: one Created, then ExampleCreated. */
    @Param({"10", "1000", "100000"})
    public int events;

    private EngineStore engineStore;
    private ExampleDDDApplication app;
    private UUID id;

    /** A new, empty store on an engine of its own for this trial; the application closes the store. */
    protected abstract EngineStore openStore();

    /** Stores the aggregate once per trial: the benchmark only reads. */
    @Setup(Level.Trial)
    public void populate() {
        engineStore = openStore();
        app = new ExampleDDDApplication(engineStore.store());
        id = Workload.populate(app, events);
    }

    /** One load: every event of the aggregate read, decoded and applied. */
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
