package io.eventum.benchmarks.report;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a benchmark measured, read from its name: who (Eventum, Axon or a floor), on which store,
 * replay, append or many writers. Benchmark classes are named
 * {@code <Eventum|Axon|Floor><Store><Replay|Append|Writers>} (such as {@code EventumInMemoryReplay},
 * {@code AxonJdbcH2Append} or {@code FloorJdbcPostgresWriters}: the JDBC floors); the in-memory
 * floors are methods of {@code FloorReplay}. A store module adds its store token to {@link #STORES} when it lands.
 *
 * @param who "Eventum", "Axon", "floorObjects", "floorDecode" or "floorJdbc" (or the class name if unknown)
 * @param store the store as shown in the table, such as "JDBC, H2"; "—" for a floor
 * @param backend the engine under the store ("in-memory", "H2", "PostgreSQL", "MongoDB"): Eventum
 *     and Axon rows on the same backend are compared with each other
 * @param kind replay, append or writers
 */
public record Subject(String who, String store, String backend, Kind kind) {

    /** Which of the measured operations: a load, one append, or appends from many writers at once. */
    public enum Kind { REPLAY, APPEND, WRITERS }

    static final String EVENTUM = "Eventum";
    static final String AXON = "Axon";
    static final String FLOOR_OBJECTS = "floorObjects";
    static final String FLOOR_DECODE = "floorDecode";
    static final String FLOOR_JDBC = "floorJdbc";
    /** What a backend's and a store's label get when the database ran without durable commits. */
    static final String NO_FSYNC = ", no fsync";

    private static final Pattern NAME = Pattern.compile("(Eventum|Axon|Floor)(\\w*?)(Replay|Append|Writers)");

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
        Kind kind = switch (matcher.group(3)) {
            case "Append" -> Kind.APPEND;
            case "Writers" -> Kind.WRITERS;
            default -> Kind.REPLAY;
        };
        String who = matcher.group(1).equals("Floor") ? FLOOR_JDBC : matcher.group(1);
        return new Subject(who, store[0], store[1], kind);
    }

    /**
     * The same subject measured on a database without durable commits (fsync and
     * synchronous_commit off): labelled apart, and compared only with rows measured the same way.
     */
    public Subject withoutFsync() {
        return new Subject(who, store + NO_FSYNC, backend + NO_FSYNC, kind);
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
            case FLOOR_JDBC -> 2;
            case EVENTUM -> 3;
            case AXON -> 4;
            default -> 5;
        };
    }
}
