package io.eventum.benchmarks.report;

/**
 * One benchmark of one JMH run at one parameter value, in the units the report uses.
 *
 * @param benchmark JMH's full benchmark name
 * @param subject who was measured, on which store
 * @param size the aggregate's events N (replay), the events per append (append), or the threads
 *     (writers, each appending 1 event per operation)
 * @param micros the mean time of one operation (one load, one append), in microseconds
 * @param error the half-width of JMH's 99.9% confidence interval, in microseconds; NaN if unknown
 * @param bytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm}); NaN without {@code -prof gc}
 * @param p50 the median time of one operation in microseconds, from JMH's {@code SampleTime} mode; NaN otherwise
 * @param p99 the 99th percentile, likewise
 */
public record JmhResult(String benchmark, Subject subject, int size, double micros, double error, double bytesPerOp,
                        double p50, double p99) {

    /**
     * Events handled per second: {@code size} events per operation. For many writers, whose size is
     * the number of threads each appending one event per operation, that is the events per second
     * of all the threads together.
     */
    public double eventsPerSecond() {
        return size / micros * 1_000_000;
    }

    /** Bytes allocated per event; NaN without {@code -prof gc}. */
    public double bytesPerEvent() {
        return bytesPerOp / size;
    }
}
