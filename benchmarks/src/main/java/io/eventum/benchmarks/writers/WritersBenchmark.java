package io.eventum.benchmarks.writers;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.util.concurrent.TimeUnit;

/**
 * Writers appending at once: each benchmark method runs its number of threads (JMH's
 * {@code @Threads}), each thread appending one event to a new aggregate per operation, so that no
 * two appends conflict and any waiting is the store's own. One engine per trial, shared by the
 * threads; the tables grow through the trial (a few tens of thousands of rows). A subclass says
 * how to append.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class WritersBenchmark {

    /** Starts the engine and opens what the appends go through; once per trial. */
    protected abstract void start();

    /** Appends one event of a new aggregate, in a transaction of its own; called by many threads at once. */
    protected abstract void appendOneEvent();

    /** Closes what {@link #start()} opened. */
    protected abstract void stop();

    /** Once per trial. */
    @Setup(Level.Trial)
    public void open() {
        start();
    }

    /** One writer. */
    @Benchmark
    @Threads(1)
    public void writers01() {
        appendOneEvent();
    }

    /** Four writers. */
    @Benchmark
    @Threads(4)
    public void writers04() {
        appendOneEvent();
    }

    /** Sixteen writers. */
    @Benchmark
    @Threads(16)
    public void writers16() {
        appendOneEvent();
    }

    /** Once per trial. */
    @TearDown(Level.Trial)
    public void close() {
        stop();
    }
}
