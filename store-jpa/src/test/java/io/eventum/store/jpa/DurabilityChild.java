package io.eventum.store.jpa;

import io.eventum.application.store.SnapshotRecord;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static io.eventum.store.tck.TestEvents.event;

/**
 * The process the durability tests kill: it opens a store from a JDBC URL, appends one event per
 * transaction to a new aggregate, and prints {@code ACK <aggregate id> <version>} after each append
 * returned. What it does next is the scenario, the first argument:
 * <ul>
 *   <li>{@code append-then-halt URL USER PASSWORD N}: {@link Runtime#halt} right after the N-th ack,
 *       so no shutdown hook, no close, nothing after the ack runs;</li>
 *   <li>{@code append-until-killed URL USER PASSWORD}: appends until it is killed;</li>
 *   <li>{@code append-then-close URL USER PASSWORD N}: prints {@code CLOSING}, closes the store,
 *       prints {@code CLOSED} (snapshots saved along the way leave garbage for H2's close-time
 *       compaction to move);</li>
 *   <li>{@code append-then-exit URL USER PASSWORD N}: {@link System#exit} without closing the store;</li>
 *   <li>{@code append-then-linger URL USER PASSWORD N}: prints {@code MAIN-RETURNED} and returns
 *       from main without closing the store, while a non-daemon thread keeps the JVM running;</li>
 *   <li>{@code open URL USER PASSWORD}: opens one plain JDBC connection and prints
 *       {@code OPENED <url>}, or {@code REFUSED <vendor code> <message>}.</li>
 * </ul>
 */
final class DurabilityChild {

    private DurabilityChild() {
    }

    public static void main(String[] args) {
        String scenario = args[0];
        String url = args[1];
        String user = args[2];
        String password = args.length > 3 ? args[3] : "";
        if (scenario.equals("open")) {
            open(url, user, password);
            return;
        }
        JpaEventStore store = JpaEventStore.builder().jdbcUrl(url, user, password).createSchema(true).build();
        UUID id = UUID.randomUUID();
        long appends = scenario.equals("append-until-killed") ? Long.MAX_VALUE : Long.parseLong(args[4]);
        for (long version = 1; version <= appends; version++) {
            store.append(List.of(event(id, version)));
            print("ACK " + id + " " + version);
            if (scenario.equals("append-then-close") && version % 3 == 0) {
                store.save(new SnapshotRecord(id, version, "Snapshot", ("{\"version\":" + version + "}").getBytes(StandardCharsets.UTF_8),
                        Instant.now()));
            }
        }
        switch (scenario) {
            case "append-then-halt" -> Runtime.getRuntime().halt(0);
            case "append-then-close" -> {
                print("CLOSING");
                store.close();
                print("CLOSED");
            }
            case "append-then-exit" -> System.exit(0);
            case "append-then-linger" -> {
                Thread lingering = new Thread(() -> {
                    while (true) {
                        LockSupport.park();
                    }
                }, "lingering");
                lingering.setDaemon(false);
                lingering.start();
                print("MAIN-RETURNED");
            }
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        }
    }

    private static void open(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            print("OPENED " + connection.getMetaData().getURL());
        } catch (SQLException e) {
            print("REFUSED " + e.getErrorCode() + " " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
