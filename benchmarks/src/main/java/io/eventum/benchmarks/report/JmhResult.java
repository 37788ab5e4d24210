package io.eventum.benchmarks.report;

/**
 * One benchmark of one JMH run at one parameter value, in the units the report uses.
 *
 * @param benchmark JMH's full benchmark name
 * @param subject who was measured, on which store
 * @param size the aggregate's events N (replay) or the events per append (append)
 * @param micros the mean time of one operation (one load, one append), in microseconds
 * @param error the half-width of JMH's 99.9% confidence interval, in microseconds; NaN if unknown
 * @param bytesPerOp bytes allocated per operation ({@code gc.alloc.rate.norm}); NaN without {@code -prof gc}
 */
public record JmhResult(String benchmark, Subject subject, int size, double micros, double error, double bytesPerOp) {

    /** Events handled per second: {@code size} events per operation. */
    public double eventsPerSecond() {
        return size / micros * 1_000_000;
    }

    /** Bytes allocated per event; NaN without {@code -prof gc}. */
    public double bytesPerEvent() {
        return bytesPerOp / size;
    }
}
