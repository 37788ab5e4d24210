package io.eventum.store.jpa;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.StoreUnavailableException;
import io.eventum.application.store.Tracking;
import jakarta.persistence.EntityManager;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.eventum.store.tck.TestEvents.events;
import static io.eventum.store.tck.TestEvents.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store on a database in read-only mode: H2 opened read-only, PostgreSQL with
 * {@code default_transaction_read_only}, and a caller's read-only transaction. Writes fail saying
 * why and store nothing; reads work; {@code createSchema(true)} writes nothing when every table
 * exists, and names what is missing otherwise. (A real PostgreSQL replica: {@link PostgresStandbyTest}.)
 */
class ReadOnlyDatabaseTest {

    @TempDir
    Path directory;

    private static JpaEventStore store(TestDatabase database, String url, boolean createSchema) {
        return JpaEventStore.builder().jdbcUrl(url, database.user(), database.password()).createSchema(createSchema).build();
    }

    /** One of every kind of write a store makes: events, a conflicting batch, tracking with and without events, a snapshot. */
    static ThrowingCallable[] writes(JpaEventStore store, UUID id) {
        SnapshotRecord snapshot = new SnapshotRecord(id, 2, "Snap", "{\"n\":2}".getBytes(StandardCharsets.UTF_8), Instant.now());
        return new ThrowingCallable[] {
            () -> store.append(events(id, 3, 3)),
            () -> store.append(events(id, 3, 5)),
            () -> store.append(events(id, 3, 4), new Tracking("projection", 1)),
            () -> store.append(List.of(), new Tracking("projection", 1)),
            () -> store.save(snapshot)};
    }

    @Test
    void an_h2_database_opened_read_only_refuses_writes_saying_so_and_serves_reads() {
        // given a database file written by a store, then opened read-only by the same configuration
        String url = "jdbc:h2:file:" + directory.resolve("events");
        UUID id = UUID.randomUUID();
        List<Long> written;
        try (JpaEventStore writer = store(TestDatabase.H2, url, true)) {
            written = writer.append(events(id, 1, 2));
        }
        try (JpaEventStore store = store(TestDatabase.H2, url + ";ACCESS_MODE_DATA=r", true)) {
            // when every kind of write runs, then each fails saying why
            for (ThrowingCallable write : writes(store, id)) {
                assertThatThrownBy(write).isInstanceOf(EventStoreException.class).isNotInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("the database is read-only: it is in read-only mode")
                        .hasMessageContaining("Nothing was stored")
                        .hasMessageContaining("only on a database that accepts writes");
            }
            // and reads work
            assertThat(versions(store.read(id, AggregateQuery.all()))).containsExactly(1L, 2L);
            assertThat(store.readAll(GlobalQuery.after(0, 10))).hasSize(2);
            assertThat(store.lastPosition()).isEqualTo(written.get(1));
            assertThat(store.trackedPosition("projection")).isZero();
            assertThat(store.latest(id, 2)).isEmpty();
        }
        // then nothing of the refused writes was stored
        try (JpaEventStore writer = store(TestDatabase.H2, url, false)) {
            assertThat(writer.append(events(id, 3, 5))).containsExactly(3L, 4L, 5L);
            assertThat(writer.trackedPosition("projection")).isZero();
        }
    }

    @Test
    void create_schema_on_a_read_only_h2_database_with_a_table_missing_fails_naming_it() {
        // given
        String url = "jdbc:h2:file:" + directory.resolve("partial");
        store(TestDatabase.H2, url, true).close();
        TestDatabase.H2.execute(url, "DROP TABLE eventum_snapshots");
        // when, then
        assertThatThrownBy(() -> store(TestDatabase.H2, url + ";ACCESS_MODE_DATA=r", true)).isInstanceOf(EventStoreException.class)
                .hasMessageStartingWith("creating the store's schema (missing: table eventum_snapshots) failed: ")
                .hasMessageContaining("the database is read-only: it is in read-only mode")
                .hasMessageContaining("creating its schema) only on a database that accepts writes");
    }

    @Test
    void a_postgres_database_in_read_only_mode_refuses_writes_saying_so_and_serves_reads() {
        // given a schema with the store's tables, and a store whose sessions default to read-only
        TestDatabase database = TestDatabase.POSTGRESQL;
        String url = database.freshUrl();
        UUID id = UUID.randomUUID();
        try (JpaEventStore writer = database.storeWithSchema(url)) {
            writer.append(events(id, 1, 2));
        }
        try (JpaEventStore store = store(database, url + "&options=-c%20default_transaction_read_only%3Don", true)) {
            // when every kind of write runs, then each fails saying why
            for (ThrowingCallable write : writes(store, id)) {
                assertThatThrownBy(write).isInstanceOf(EventStoreException.class)
                        .hasMessageContaining("the database is read-only: it is in read-only mode")
                        .hasMessageContaining("Nothing was stored")
                        .hasMessageEndingWith("[SQL state 25006]");
            }
            // and reads work
            assertThat(versions(store.read(id, AggregateQuery.all()))).containsExactly(1L, 2L);
            assertThat(store.readAll(GlobalQuery.after(0, 10))).hasSize(2);
        }
        // then nothing of the refused writes was stored
        try (JpaEventStore writer = store(database, url, false)) {
            assertThat(writer.append(events(id, 3, 5))).hasSize(3);
            assertThat(writer.trackedPosition("projection")).isZero();
            assertThat(writer.latest(id, 2)).isEmpty();
        }
    }

    @Test
    void an_append_in_a_callers_read_only_transaction_fails_saying_the_transaction_is_read_only() {
        // given a store joining the application's transactions, and a read-only transaction open
        TestDatabase database = TestDatabase.POSTGRESQL;
        String url = database.freshUrl();
        UUID id = UUID.randomUUID();
        ThreadLocal<EntityManager> current = new ThreadLocal<>();
        try (TestDatabase.UserPersistenceUnit application = database.userPersistenceUnit(url);
             JpaEventStore store = JpaEventStore.builder().entityManagerFactory(application.factory())
                     .currentEntityManager(current::get).createSchema(true).build()) {
            EntityManager entityManager = application.factory().createEntityManager();
            current.set(entityManager);
            entityManager.getTransaction().begin();
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION READ ONLY");
                }
            });
            // when, then
            assertThatThrownBy(() -> store.append(events(id, 1, 2))).isInstanceOf(EventStoreException.class)
                    .hasMessageStartingWith("appending 2 event(s) of aggregate " + id + " failed: the transaction is read-only")
                    .hasMessageContaining("Nothing was stored: write in a read-write transaction");
            // and the caller's transaction goes on: it still reads
            assertThat(store.read(id, AggregateQuery.all())).isEmpty();
            entityManager.getTransaction().rollback();
            current.remove();
            entityManager.close();
            assertThat(versions(store.read(id, AggregateQuery.all()))).isEmpty();
        }
    }
}
