package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.Workload;
import io.eventum.benchmarks.axon.AxonExamples;
import io.eventum.benchmarks.axon.AxonStorage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
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
 * The same load through Axon Framework 4: {@code EventSourcingRepository.load(id)} in a unit of
 * work, with no snapshot and no cache, so every event is read, deserialized and applied by its
 * {@code @EventSourcingHandler}. A subclass picks the storage engine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class AxonReplayBenchmark {

    /** How many events the aggregate has: one Created, then ExampleCreated. */
    @Param({"10", "1000", "100000"})
    public int events;

    private AxonStorage storage;
    private AxonExamples examples;
    private UUID id;

    /** The storage for this trial; closed at the end. */
    protected abstract AxonStorage createStorage();

    /** Stores the aggregate once per trial, and checks that it loads back whole. */
    @Setup(Level.Trial)
    public void populate() {
        storage = createStorage();
        EventStorageEngine engine = storage.emptyEngine();
        id = UUID.randomUUID();
        AxonExamples.populate(engine, id, events);
        examples = new AxonExamples(engine);
        Workload.requireExamples(examples.load(id), events);
    }

    /** One load: every event of the aggregate read, deserialized and applied. */
    @Benchmark
    public int load() {
        return examples.load(id);
    }

    /** Stops the event store and the storage. */
    @TearDown(Level.Trial)
    public void close() {
        examples.close();
        storage.close();
    }
}
