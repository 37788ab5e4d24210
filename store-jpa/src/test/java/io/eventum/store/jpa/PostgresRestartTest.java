package io.eventum.store.jpa;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.GlobalQuery;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import static io.eventum.store.tck.TestEvents.events;
import static io.eventum.store.tck.TestEvents.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL going away under a running store: failures are clear {@link EventStoreException}s,
 * nothing is partly stored, and the store works again once PostgreSQL is back. This class runs its
 * own PostgreSQL, restartable on the same port and data directory.
 */
class PostgresRestartTest {

    @TempDir
    static Path dataDirectory;

    private static int port;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    private static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).start();
    }

    private static void restart(Runnable whileDown) throws IOException {
        postgres.close();
        try {
            whileDown.run();
        } finally {
            start();
        }
    }

    private static JpaEventStore store(String url) {
        return JpaEventStore.builder().jdbcUrl(url, EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD)
                .connectionTimeout(Duration.ofMillis(500)).createSchema(true).build();
    }

    private static String freshSchemaUrl(String name) {
        EmbeddedPostgresServer.execute(EmbeddedPostgresServer.url(port), "CREATE SCHEMA " + name);
        return EmbeddedPostgresServer.url(port) + "?currentSchema=" + name;
    }

    /** The store's last position, asked until the store answers, for at most 30 seconds. */
    private static long reconnected(JpaEventStore store) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return store.lastPosition();
            } catch (EventStoreException stillDown) {
                if (System.nanoTime() > deadline) {
                    throw stillDown;
                }
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        }
    }

    @Test
    void appending_while_postgres_is_down_fails_clearly_and_works_again_once_it_is_back() throws IOException {
        try (JpaEventStore store = store(freshSchemaUrl("restart_append"))) {
            // given
            UUID id = UUID.randomUUID();
            List<Long> before = store.append(events(id, 1, 3));
            List<EventRecord> whileDown = events(id, 4, 8);
            // when
            restart(() -> {
                assertThatThrownBy(() -> store.append(whileDown)).isInstanceOf(EventStoreException.class)
                        .isNotInstanceOf(ConcurrencyConflictException.class)
                        .hasMessageStartingWith("appending 5 event(s) of aggregate " + id);
                assertThatThrownBy(() -> store.append(whileDown)).isInstanceOf(EventStoreException.class)
                        .hasMessageContaining("cannot reach the database");
                assertThatThrownBy(() -> store.read(id, AggregateQuery.all())).isInstanceOf(EventStoreException.class)
                        .hasMessageContaining("cannot reach the database");
            });
            // then the store works again as soon as its pool has reconnected (HikariCP backs off up to
            // 5 s between attempts while the database is down), and nothing of the failed batch was stored
            assertThat(reconnected(store)).isEqualTo(before.get(2));
            assertThat(versions(store.read(id, AggregateQuery.all()))).containsExactly(1L, 2L, 3L);
            List<Long> after = store.append(whileDown);
            assertThat(after).hasSize(5).isSorted().allMatch(position -> position > before.get(2));
            assertThat(store.readAll(GlobalQuery.after(0, 100))).hasSize(8);
        }
    }

    @Test
    void postgres_stopping_before_an_open_append_commits_stores_nothing_of_it() throws IOException {
        String url = freshSchemaUrl("restart_uncommitted");
        ThreadLocal<EntityManager> current = new ThreadLocal<>();
        try (JpaEventStore own = store(url);
             TestDatabase.UserPersistenceUnit application = TestDatabase.POSTGRESQL.userPersistenceUnit(url)) {
            JpaEventStore joining = JpaEventStore.builder().entityManagerFactory(application.factory())
                    .currentEntityManager(current::get).build();
            // (a store on the application's factory leaves the application's pool alone; the store
            // built from a URL retires its dead pooled connections itself)
            // given a batch appended in a caller's transaction that has not committed yet
            UUID id = UUID.randomUUID();
            List<Long> committed = own.append(events(id, 1, 2));
            EntityManager entityManager = application.factory().createEntityManager();
            current.set(entityManager);
            entityManager.getTransaction().begin();
            joining.append(events(id, 3, 6));
            // when PostgreSQL stops before the commit
            restart(() -> assertThatThrownBy(() -> entityManager.getTransaction().commit()).isInstanceOf(RuntimeException.class));
            current.remove();
            entityManager.close();
            // then none of the batch is stored, and the store works again at once
            assertThat(versions(own.read(id, AggregateQuery.all()))).containsExactly(1L, 2L);
            assertThat(own.lastPosition()).isEqualTo(committed.get(1));
            assertThat(own.append(events(id, 3, 4))).hasSize(2).allMatch(position -> position > committed.get(1));
            assertThat(versions(own.read(id, AggregateQuery.all()))).containsExactly(1L, 2L, 3L, 4L);
        }
    }
}
