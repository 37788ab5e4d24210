package io.eventum.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets, checked against the results that are there: measured, not asserted. Each
 * line says the target, the measured figure, and whether it is met. A target whose results are
 * missing (a store not benchmarked yet) is left out.
 */
public final class Targets {

    /** Replay within this factor of floorDecode's time (in-memory, N=10). */
    static final double FLOOR_DECODE_TIME = 1.3;
    /** In-memory replay within this factor of floorDecode's time at N=1,000 and 100,000 (issue 12). */
    static final double FLOOR_DECODE_TIME_LONG = 1.05;
    /** Allocation per event within this factor of floorDecode's. */
    static final double FLOOR_DECODE_BYTES = 1.5;
    /** JPA on H2 at least this many times as fast as Axon's JDBC engine on H2. */
    static final double AXON_H2_SPEEDUP = 3;
    /** Append of 100 on PostgreSQL costs less than this many times a batch of 1. */
    static final double POSTGRES_BATCH_COST = 3;
    /** With snapshots, "about the same time": a load at 100,000 events within this factor of one at 100. */
    static final double SNAPSHOT_GROWTH = 2;
    /** PostgreSQL replay within this factor of the JDBC load floor (issue 15). */
    static final double JDBC_FLOOR_REPLAY = 1.3;
    /** PostgreSQL replay at least this many times as fast as Axon's JDBC engine at N=1,000 and 100,000 (issue 15). */
    static final double AXON_POSTGRES_SPEEDUP = 3;
    /** PostgreSQL appends of 1 and of 100 events within this factor of the JDBC append floor (issue 15). */
    static final double JDBC_FLOOR_APPEND = 1.15;
    /** With 4 and 16 writers, at least this share of the JDBC floor's events per second (issue 15). */
    static final double JDBC_FLOOR_WRITERS = 0.9;

    private Targets() {
    }

    /** One markdown bullet per target and measured size. */
    public static String markdown(List<JmhResult> results) {
        List<String> lines = new ArrayList<>();
        for (JmhResult replay : ResultTable.of(results, Subject.Kind.REPLAY)) {
            if (!replay.subject().who().equals(Subject.EVENTUM)) {
                continue;
            }
            String where = replay.subject().store() + ", N=" + ResultTable.count(replay.size());
            if (replay.subject().backend().endsWith("snapshots")) {
                // Issue 5: with snapshots, a load at 100,000 events should cost about what one at 100 does.
                if (replay.size() == 100_000) {
                    sameStore(results, replay, 100).ifPresent(hundred -> lines.add(line(
                            "load at N=100,000 about the same time as at N=100 (" + replay.subject().store() + ")",
                            replay.micros() / hundred.micros(), SNAPSHOT_GROWTH, true)));
                }
                continue;
            }
            Optional<JmhResult> jdbcFloor = ResultTable.jdbcFloor(results, replay);
            if (jdbcFloor.isPresent()) {
                lines.add(line("replay within " + JDBC_FLOOR_REPLAY + "× the JDBC load floor (" + where + ")",
                        replay.micros() / jdbcFloor.get().micros(), JDBC_FLOOR_REPLAY, true));
            }
            Optional<JmhResult> floor = ResultTable.floorDecode(results, replay);
            if (floor.isPresent() && replay.subject().backend().equals("in-memory")) {
                double target = replay.size() >= 1_000 ? FLOOR_DECODE_TIME_LONG : FLOOR_DECODE_TIME;
                lines.add(line("replay within " + target + "× floorDecode (" + where + ")",
                        replay.micros() / floor.get().micros(), target, true));
            }
            if (floor.isPresent() && !Double.isNaN(replay.bytesPerEvent())) {
                lines.add(line("bytes per event within " + FLOOR_DECODE_BYTES + "× floorDecode's (" + where + ")",
                        replay.bytesPerEvent() / floor.get().bytesPerEvent(), FLOOR_DECODE_BYTES, true));
            }
            Optional<JmhResult> axon = ResultTable.axon(results, replay);
            if (axon.isPresent() && replay.subject().backend().equals("H2") && replay.size() >= 1_000) {
                lines.add(line("replay at least " + (int) AXON_H2_SPEEDUP + "× Axon JDBC on H2 (" + where + ")",
                        axon.get().micros() / replay.micros(), AXON_H2_SPEEDUP, false));
            }
            if (axon.isPresent() && replay.subject().backend().startsWith("PostgreSQL") && replay.size() >= 1_000) {
                lines.add(line("replay at least " + (int) AXON_POSTGRES_SPEEDUP + "× Axon JDBC on PostgreSQL (" + where + ")",
                        axon.get().micros() / replay.micros(), AXON_POSTGRES_SPEEDUP, false));
            }
            if (replay.size() == 100_000) {
                sameStore(results, replay, 1_000).ifPresent(thousand -> lines.add(line(
                        "events/s at N=100,000 at least half of N=1,000's (" + replay.subject().store() + ")",
                        replay.eventsPerSecond() / thousand.eventsPerSecond(), 0.5, false)));
            }
        }
        for (JmhResult append : ResultTable.of(results, Subject.Kind.APPEND)) {
            if (!append.subject().who().equals(Subject.EVENTUM)) {
                continue;
            }
            String where = append.subject().store() + ", batch " + append.size();
            if (append.subject().backend().equals("PostgreSQL") && append.size() == 100) {
                sameStore(results, append, 1).ifPresent(single -> lines.add(line(
                        "append of 100 under " + (int) POSTGRES_BATCH_COST + "× an append of 1 (" + append.subject().store() + ")",
                        append.micros() / single.micros(), POSTGRES_BATCH_COST, true)));
            }
            if (append.size() == 1 || append.size() == 100) {
                ResultTable.jdbcFloor(results, append).ifPresent(floor -> lines.add(line(
                        "append within " + JDBC_FLOOR_APPEND + "× the JDBC append floor (" + where + ")",
                        append.micros() / floor.micros(), JDBC_FLOOR_APPEND, true)));
            }
            if (append.size() == 1 && append.subject().backend().startsWith("PostgreSQL")) {
                ResultTable.axon(results, append).ifPresent(axon -> lines.add(line(
                        "append at most Axon JDBC's time (" + where + ")", append.micros() / axon.micros(), 1, true)));
            }
        }
        for (JmhResult writers : ResultTable.of(results, Subject.Kind.WRITERS)) {
            if (!writers.subject().who().equals(Subject.EVENTUM) || writers.size() < 4) {
                continue;
            }
            String where = writers.subject().store() + ", " + writers.size() + " writers";
            ResultTable.jdbcFloor(results, writers).ifPresent(floor -> lines.add(line(
                    "events/s at least " + JDBC_FLOOR_WRITERS + "× the JDBC floor's (" + where + ")",
                    writers.eventsPerSecond() / floor.eventsPerSecond(), JDBC_FLOOR_WRITERS, false)));
            ResultTable.axon(results, writers).ifPresent(axon -> lines.add(line(
                    "events/s at least Axon JDBC's (" + where + ")",
                    writers.eventsPerSecond() / axon.eventsPerSecond(), 1, false)));
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append("- ").append(line).append('\n'));
        return out.toString();
    }

    private static Optional<JmhResult> sameStore(List<JmhResult> results, JmhResult result, int size) {
        return results.stream()
                .filter(other -> other.subject().equals(result.subject()) && other.size() == size)
                .findFirst();
    }

    private static String line(String target, double measured, double limit, boolean atMost) {
        boolean met = atMost ? measured <= limit : measured >= limit;
        return String.format(Locale.ROOT, "%s: %.2f× — %s", target, measured, met ? "met" : "**missed**");
    }
}
