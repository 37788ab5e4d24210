package io.eventum.benchmarks.append;

import io.eventum.benchmarks.axon.AxonExamples;
import io.eventum.benchmarks.axon.AxonStorage;
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

import java.util.concurrent.TimeUnit;

/**
 * The same append through Axon Framework 4: a new aggregate and {@code batch - 1} commands on it in
 * one unit of work, whose commit hands the {@code batch} events to the storage engine in one call.
 * As on the Eventum side, the storage is emptied before every iteration. A subclass picks the
 * storage engine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class AxonAppendBenchmark {

    /** How many events one append carries. */
    @Param({"1", "10", "100"})
    public int batch;

    private AxonStorage storage;
    private AxonExamples examples;

    /** The storage for this trial; closed at the end. */
    protected abstract AxonStorage createStorage();

    /** Starts the storage once per trial. */
    @Setup(Level.Trial)
    public void start() {
        storage = createStorage();
    }

    /** A fresh event store and repository on an empty engine for each iteration. */
    @Setup(Level.Iteration)
    public void open() {
        examples = new AxonExamples(storage.emptyEngine());
    }

    /** One command's worth of events, appended when the unit of work commits. */
    @Benchmark
    public void append() {
        examples.create(batch);
    }

    /** Stops the iteration's event store. */
    @TearDown(Level.Iteration)
    public void close() {
        examples.close();
    }

    /** Stops the storage once the trial is over. */
    @TearDown(Level.Trial)
    public void stop() {
        storage.close();
    }
}
