package io.eventum.store.jpa;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.StoreUnavailableException;
import io.eventum.application.store.StoredEvent;
import io.eventum.store.tck.HeldAppend;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static io.eventum.store.tck.TestEvents.events;
import static io.eventum.store.tck.TestEvents.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store on a real PostgreSQL streaming replica (a hot standby of a primary, both started by the
 * test, see {@link StreamingStandby}): appends, snapshots and tracking records there fail saying
 * the database is a read-only replica and store nothing; {@code createSchema(true)} works there
 * when the primary has every table, and names what is missing otherwise; reads work, and a
 * follower tailing the replica by position reads every event appended on the primary, in position
 * order, once.
 */
class PostgresStandbyTest {

    private static final Duration REPLICATION_BOUND = Duration.ofSeconds(20);

    @TempDir
    static Path directory;

    private static StreamingStandby servers;

    @BeforeAll
    static void startPrimaryAndStandby() throws IOException, SQLException {
        servers = StreamingStandby.start(directory);
    }

    @AfterAll
    static void stopThem() {
        servers.close();
    }

    private static JpaEventStore store(String url, boolean createSchema) {
        return JpaEventStore.builder().jdbcUrl(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                .createSchema(createSchema).build();
    }

    /** A schema on the primary with the store's tables, once the standby has replayed it. */
    private static String replicatedSchema(String name) {
        servers.onPrimary("CREATE SCHEMA " + name);
        store(servers.primaryUrl(name), true).close();
        servers.awaitReplay(REPLICATION_BOUND);
        return name;
    }

    @Test
    void appends_snapshots_and_tracking_on_the_standby_fail_saying_it_is_a_read_only_replica_and_store_nothing() {
        // given an aggregate written on the primary and replayed by the standby
        String schema = replicatedSchema("refused");
        UUID id = UUID.randomUUID();
        try (JpaEventStore primary = store(servers.primaryUrl(schema), false);
             JpaEventStore standby = store(servers.standbyUrl(schema), false)) {
            List<Long> written = primary.append(events(id, 1, 2));
            servers.awaitReplay(REPLICATION_BOUND);
            // when every kind of write runs on the standby, then each fails saying why, in words
            for (ThrowingCallable write : ReadOnlyDatabaseTest.writes(standby, id)) {
                assertThatThrownBy(write).isInstanceOf(EventStoreException.class)
                        .isNotInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("the database is read-only: it is a replica")
                        .hasMessageContaining("Nothing was stored")
                        .hasMessageContaining("only on the primary")
                        // the database's own words name the statement, not the cause
                        .hasMessageNotContaining("cannot execute");
            }
            assertThatThrownBy(() -> standby.append(events(id, 3, 5)))
                    .hasMessageStartingWith("appending 3 event(s) of aggregate " + id + " failed: ");
            // then reads on the standby work, and nothing of the refused writes reached either database
            assertThat(versions(standby.read(id, AggregateQuery.all()))).containsExactly(1L, 2L);
            assertThat(standby.lastPosition()).isEqualTo(written.get(1));
            assertThat(standby.trackedPosition("projection")).isZero();
            assertThat(standby.latest(id, 2)).isEmpty();
            assertThat(primary.append(events(id, 3, 5))).hasSize(3);
            assertThat(primary.trackedPosition("projection")).isZero();
            assertThat(primary.latest(id, 2)).isEmpty();
        }
    }

    @Test
    void create_schema_on_the_standby_writes_nothing_when_the_primary_made_every_table() {
        // given
        String schema = replicatedSchema("complete");
        UUID id = UUID.randomUUID();
        try (JpaEventStore primary = store(servers.primaryUrl(schema), true)) {
            List<Long> written = primary.append(events(id, 1, 3));
            servers.awaitReplay(REPLICATION_BOUND);
            // when the same configuration, createSchema(true) included, points at the standby
            try (JpaEventStore standby = store(servers.standbyUrl(schema), true)) {
                // then it builds (a write would have failed there) and reads
                assertThat(standby.lastPosition()).isEqualTo(written.get(2));
                assertThat(versions(standby.read(id, AggregateQuery.all()))).containsExactly(1L, 2L, 3L);
            }
        }
    }

    @Test
    void create_schema_on_the_standby_fails_naming_the_missing_table_and_the_primary() {
        // given a schema whose tracking table the primary dropped, and one with no table at all
        String partial = replicatedSchema("partial");
        servers.onPrimary("DROP TABLE " + partial + ".eventum_tracking");
        servers.onPrimary("CREATE SCHEMA empty");
        servers.awaitReplay(REPLICATION_BOUND);
        // when, then
        assertThatThrownBy(() -> store(servers.standbyUrl(partial), true)).isInstanceOf(EventStoreException.class)
                .hasMessageStartingWith("creating the store's schema (missing: table eventum_tracking) failed: ")
                .hasMessageContaining("the database is read-only: it is a replica")
                .hasMessageContaining("creating its schema) only on the primary");
        assertThatThrownBy(() -> store(servers.standbyUrl("empty"), true)).isInstanceOf(EventStoreException.class)
                .hasMessageStartingWith("creating the store's schema (missing: table eventum_events, table eventum_tracking,"
                        + " table eventum_snapshots) failed: ")
                .hasMessageContaining("it is a replica");
        // and on the primary the same configuration creates what is missing, which the standby then has
        store(servers.primaryUrl(partial), true).close();
        servers.awaitReplay(REPLICATION_BOUND);
        store(servers.standbyUrl(partial), true).close();
    }

    @Test
    void a_follower_tailing_the_standby_reads_every_event_appended_on_the_primary_in_position_order_once() throws Exception {
        // given a store on the primary, one on the standby (same configuration), and a slow writer
        // on the primary that holds its append open: it has taken positions below the appends that
        // commit after it began, so a reader that skips it would never see it
        String schema = replicatedSchema("followed");
        UUID slowId = UUID.randomUUID();
        HeldAppend slow = HeldJpaAppend.onOwnUnit(TestDatabase.POSTGRESQL, servers.primaryUrl(schema), events(slowId, 1, 2));
        int writers = 3;
        int appendsEach = 40;
        int expected = 2 + writers * appendsEach * 2;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicBoolean stop = new AtomicBoolean();
        try (JpaEventStore primary = store(servers.primaryUrl(schema), true);
             JpaEventStore standby = store(servers.standbyUrl(schema), true)) {
            CompletableFuture<List<StoredEvent>> follower = CompletableFuture.supplyAsync(() -> follow(standby, expected, stop));
            // when writers append on the primary concurrently, and the slow writer commits midway
            List<Future<List<Long>>> appended = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                appended.add(pool.submit(() -> {
                    List<Long> positions = new ArrayList<>();
                    UUID id = UUID.randomUUID();
                    for (int i = 0; i < appendsEach; i++) {
                        positions.addAll(primary.append(events(id, 2L * i + 1, 2L * i + 2)));
                    }
                    return positions;
                }));
            }
            appended.get(0).get(60, TimeUnit.SECONDS);
            List<Long> positions = new ArrayList<>(slow.commit());
            for (Future<List<Long>> writer : appended) {
                positions.addAll(writer.get(60, TimeUnit.SECONDS));
            }
            List<StoredEvent> followed;
            try {
                followed = follower.get(REPLICATION_BOUND.toSeconds() + 30, TimeUnit.SECONDS);
            } finally {
                stop.set(true);
            }
            // then the follower read every event the primary stored, at the primary's positions, in order, once
            List<Long> read = followed.stream().map(StoredEvent::position).toList();
            assertThat(read).hasSize(expected).isSorted().doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(positions);
            assertThat(followed).extracting(event -> event.aggregateId() + " v" + event.version())
                    .containsExactlyElementsOf(primary.readAll(GlobalQuery.after(0, expected + 10)).stream()
                            .map(event -> event.aggregateId() + " v" + event.version()).toList());
            assertThat(new HashSet<>(versions(standby.read(slowId, AggregateQuery.all())))).isEqualTo(Set.of(1L, 2L));
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    /**
     * Reads the standby by position, page after page from where the last page ended, as a follower
     * does, until {@code expected} events were read; at most {@link #REPLICATION_BOUND} after the
     * last new event, or until told to stop.
     */
    private static List<StoredEvent> follow(JpaEventStore standby, int expected, AtomicBoolean stop) {
        List<StoredEvent> read = new ArrayList<>();
        long after = 0;
        long idleSince = System.nanoTime();
        while (read.size() < expected && !stop.get()) {
            List<StoredEvent> page = standby.readAll(GlobalQuery.after(after, 16));
            if (page.isEmpty()) {
                if (System.nanoTime() - idleSince > REPLICATION_BOUND.toNanos()) {
                    break;
                }
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                continue;
            }
            idleSince = System.nanoTime();
            read.addAll(page);
            after = page.get(page.size() - 1).position();
        }
        return read;
    }
}
