package io.eventum.benchmarks.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The results as markdown tables, one for replay, one for append and one for many writers, each row
 * with its ratios: to {@code floorDecode} at the same N, to the JDBC floor on the same database
 * (PostgreSQL) at the same size, and to Axon on the same backend at the same size.
 */
public final class ResultTable {

    private static final Comparator<JmhResult> ORDER = Comparator.comparingInt(JmhResult::size)
            .thenComparingInt(result -> result.subject().rank())
            .thenComparing(result -> result.subject().store());

    private ResultTable() {
    }

    /** The tables, with a heading each; a table with no result is left out. */
    public static String markdown(List<JmhResult> results) {
        StringBuilder out = new StringBuilder();
        List<JmhResult> replays = of(results, Subject.Kind.REPLAY);
        if (!replays.isEmpty()) {
            out.append("### Replay: load one aggregate of N events\n\n")
                    .append("| benchmark | store | N | µs per load | events/s | bytes per event | time ÷ floorDecode"
                            + " | time ÷ JDBC floor | Axon time ÷ this |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (JmhResult result : replays) {
                out.append(row(result, "N")).append(" | ")
                        .append(ratio(floorDecode(results, result).map(floor -> result.micros() / floor.micros())))
                        .append(" | ").append(jdbcFloorRatio(results, result))
                        .append(" | ").append(axonRatio(results, result)).append(" |\n");
            }
            out.append('\n');
        }
        List<JmhResult> appends = of(results, Subject.Kind.APPEND);
        if (!appends.isEmpty()) {
            out.append("### Append: one new aggregate's batch of events in one append\n\n")
                    .append("| benchmark | store | batch | µs per append | events/s | bytes per event | time ÷ JDBC floor"
                            + " | Axon time ÷ this |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
            for (JmhResult result : appends) {
                out.append(row(result, "batch")).append(" | ").append(jdbcFloorRatio(results, result))
                        .append(" | ").append(axonRatio(results, result)).append(" |\n");
            }
            out.append('\n');
        }
        List<JmhResult> writers = of(results, Subject.Kind.WRITERS);
        if (!writers.isEmpty()) {
            out.append("### Writers: threads appending 1-event batches to new aggregates of their own\n\n")
                    .append("| benchmark | store | writers | events/s | µs per append, mean | p50 | p99"
                            + " | events/s ÷ JDBC floor's | events/s ÷ Axon's |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (JmhResult result : writers) {
                out.append("| ").append(result.subject().who()).append(" | ").append(result.subject().store())
                        .append(" | ").append(count(result.size()))
                        .append(" | ").append(count(result.eventsPerSecond()))
                        .append(" | ").append(micros(result.micros()))
                        .append(" | ").append(Double.isNaN(result.p50()) ? "—" : micros(result.p50()))
                        .append(" | ").append(Double.isNaN(result.p99()) ? "—" : micros(result.p99()))
                        .append(" | ").append(ratio(jdbcFloor(results, result)
                                .map(floor -> result.eventsPerSecond() / floor.eventsPerSecond())))
                        .append(" | ").append(ratio(axon(results, result)
                                .map(axon -> result.eventsPerSecond() / axon.eventsPerSecond())))
                        .append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The results of one kind in table order. */
    static List<JmhResult> of(List<JmhResult> results, Subject.Kind kind) {
        return results.stream().filter(result -> result.subject().kind() == kind).sorted(ORDER).toList();
    }

    /** floorDecode at the same N as {@code result}. */
    static Optional<JmhResult> floorDecode(List<JmhResult> results, JmhResult result) {
        return results.stream()
                .filter(other -> other.subject().who().equals(Subject.FLOOR_DECODE) && other.size() == result.size())
                .findFirst();
    }

    /** The JDBC floor on the same backend, of the same kind and size, for an Eventum or Axon result. */
    static Optional<JmhResult> jdbcFloor(List<JmhResult> results, JmhResult result) {
        if (!result.subject().who().equals(Subject.EVENTUM) && !result.subject().who().equals(Subject.AXON)) {
            return Optional.empty();
        }
        return results.stream()
                .filter(other -> other.subject().who().equals(Subject.FLOOR_JDBC)
                        && other.subject().backend().equals(result.subject().backend())
                        && other.subject().kind() == result.subject().kind()
                        && other.size() == result.size())
                .findFirst();
    }

    private static String jdbcFloorRatio(List<JmhResult> results, JmhResult result) {
        return ratio(jdbcFloor(results, result).map(floor -> result.micros() / floor.micros()));
    }

    /** Axon's result on the same backend, of the same kind and size as an Eventum result. */
    static Optional<JmhResult> axon(List<JmhResult> results, JmhResult result) {
        if (!result.subject().who().equals(Subject.EVENTUM)) {
            return Optional.empty();
        }
        return results.stream()
                .filter(other -> other.subject().who().equals(Subject.AXON)
                        && other.subject().backend().equals(result.subject().backend())
                        && other.subject().kind() == result.subject().kind()
                        && other.size() == result.size())
                .findFirst();
    }

    private static String axonRatio(List<JmhResult> results, JmhResult result) {
        return ratio(axon(results, result).map(axon -> axon.micros() / result.micros()));
    }

    private static String row(JmhResult result, String sizeName) {
        return "| " + result.subject().who() + " | " + result.subject().store() + " | " + count(result.size())
                + " | " + micros(result.micros()) + (Double.isNaN(result.error()) ? "" : " ± " + micros(result.error()))
                + " | " + count(result.eventsPerSecond())
                + " | " + (Double.isNaN(result.bytesPerEvent()) ? "—" : count(result.bytesPerEvent()));
    }

    /** A ratio with two decimals and a times sign, or a dash when there is nothing to compare with. */
    static String ratio(Optional<Double> ratio) {
        return ratio.map(value -> String.format(Locale.ROOT, "%.2f×", value)).orElse("—");
    }

    /** Microseconds with three significant digits at least, thousands separated. */
    static String micros(double micros) {
        if (micros < 10) {
            return String.format(Locale.ROOT, "%.2f", micros);
        }
        if (micros < 100) {
            return String.format(Locale.ROOT, "%.1f", micros);
        }
        return count(micros);
    }

    /** A whole number, thousands separated by commas. */
    static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
