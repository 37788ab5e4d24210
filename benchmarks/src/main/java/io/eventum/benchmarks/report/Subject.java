package io.eventum.benchmarks.report;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a benchmark measured, read from its name: who (Eventum, Axon or a floor), on which store,
 * replay or append. Benchmark classes are named {@code <Framework><Store><Replay|Append>} (such as
 * {@code EventumInMemoryReplay} or {@code AxonJdbcH2Append}); the floors are methods of
 * {@code FloorReplay}. A store module adds its store token to {@link #STORES} when it lands.
 *
 * @param who "Eventum", "Axon", "floorObjects" or "floorDecode" (or the class name if unknown)
 * @param store the store as shown in the table, such as "JDBC, H2"; "—" for a floor
 * @param backend the engine under the store ("in-memory", "H2", "PostgreSQL", "MongoDB"): Eventum
 *     and Axon rows on the same backend are compared with each other
 * @param kind replay or append
 */
public record Subject(String who, String store, String backend, Kind kind) {

    /** Which of the two measured operations. */
    public enum Kind { REPLAY, APPEND }

    static final String EVENTUM = "Eventum";
    static final String AXON = "Axon";
    static final String FLOOR_OBJECTS = "floorObjects";
    static final String FLOOR_DECODE = "floorDecode";

    private static final Pattern NAME = Pattern.compile("(Eventum|Axon)(\\w*?)(Replay|Append)");

    /** Store token in a class name: its label and its backend. */
    private static final Map<String, String[]> STORES = Map.ofEntries(
            Map.entry("InMemory", new String[] {"in-memory", "in-memory"}),
            Map.entry("InMemorySnapshot", new String[] {"in-memory, snapshots every 100", "in-memory, snapshots"}),
            Map.entry("JpaPostgresSnapshot", new String[] {"JPA, PostgreSQL, snapshots every 100", "PostgreSQL, snapshots"}),
            Map.entry("InMemoryAccountSnapshot", new String[] {"in-memory, account, snapshots every 100", "in-memory, account snapshots"}),
            Map.entry("JpaPostgresAccountSnapshot", new String[] {"JPA, PostgreSQL, account, snapshots every 100", "PostgreSQL, account snapshots"}),
            Map.entry("JdbcH2", new String[] {"JDBC, H2", "H2"}),
            Map.entry("JpaH2", new String[] {"JPA, H2", "H2"}),
            Map.entry("JdbcPostgres", new String[] {"JDBC, PostgreSQL", "PostgreSQL"}),
            Map.entry("JpaPostgres", new String[] {"JPA, PostgreSQL", "PostgreSQL"}),
            Map.entry("Mongo", new String[] {"Mongo, in-process server", "MongoDB"}));

    /**
     * The subject of a benchmark.
     *
     * @param benchmark JMH's full benchmark name, {@code package.Class.method}
     */
    public static Subject of(String benchmark) {
        String[] parts = benchmark.split("\\.");
        String method = parts[parts.length - 1];
        String type = parts.length > 1 ? parts[parts.length - 2] : benchmark;
        if (method.equals(FLOOR_OBJECTS) || method.equals(FLOOR_DECODE)) {
            return new Subject(method, "—", "floor", Kind.REPLAY);
        }
        Matcher matcher = NAME.matcher(type);
        if (!matcher.matches()) {
            return new Subject(type + "." + method, "?", "?", method.contains("append") ? Kind.APPEND : Kind.REPLAY);
        }
        String[] store = STORES.getOrDefault(matcher.group(2), new String[] {matcher.group(2), matcher.group(2)});
        Kind kind = matcher.group(3).equals("Append") ? Kind.APPEND : Kind.REPLAY;
        return new Subject(matcher.group(1), store[0], store[1], kind);
    }

    /** The name shown in the chart's legend, such as "Eventum, in-memory" or "floorDecode". */
    public String label() {
        return store.equals("—") ? who : who + ", " + store;
    }

    /** Floors first, then Eventum, then Axon, then anything else. */
    int rank() {
        return switch (who) {
            case FLOOR_OBJECTS -> 0;
            case FLOOR_DECODE -> 1;
            case EVENTUM -> 2;
            case AXON -> 3;
            default -> 4;
        };
    }
}
