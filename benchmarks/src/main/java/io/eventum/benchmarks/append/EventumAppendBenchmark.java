package io.eventum.benchmarks.append;

import io.eventum.application.store.EventStore;
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

import java.util.concurrent.TimeUnit;

/**
 * Saves a new aggregate of {@code batch} events (Created, then ExampleCreated) with
 * {@code ExampleDDDApplication.save}: one atomic append of the whole batch. Each call makes a new
 * aggregate, so no append conflicts with another; the store is emptied before every iteration, so
 * that it does not grow without bound and the garbage collector's work stays the same from one
 * iteration to the next. A subclass says how to get an empty store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class EventumAppendBenchmark {

    /** How many events one append carries. */
    @Param({"1", "10", "100"})
    public int batch;

    private ExampleDDDApplication app;

    /** A store holding no events: a new one, or the trial's store emptied. */
    protected abstract EventStore emptyStore();

    /** Stops what {@link #emptyStore()} started beyond the store (a database server), after the trial. */
    protected void stopEngine() {
    }

    /** A fresh application on an empty store for each iteration. */
    @Setup(Level.Iteration)
    public void open() {
        app = new ExampleDDDApplication(emptyStore());
    }

    /** One command's worth of events, saved in one append. */
    @Benchmark
    public ExampleAggregateRoot append() {
        ExampleAggregateRoot aggregate = Workload.batch(batch);
        app.save(aggregate);
        return aggregate;
    }

    /** Closes the iteration's application and its store. */
    @TearDown(Level.Iteration)
    public void close() {
        app.close();
    }

    /** Stops the engine once the trial is over. */
    @TearDown(Level.Trial)
    public void stop() {
        stopEngine();
    }
}
