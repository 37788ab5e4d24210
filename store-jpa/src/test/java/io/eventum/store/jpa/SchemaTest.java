package io.eventum.store.jpa;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.application.store.Tracking;
import io.eventum.store.tck.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schema is created only when asked, creating it again is harmless, and a missing table is named. */
class SchemaTest {

    private static long eventumTables(TestDatabase database, String url) {
        return database.queryLong(url, "SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE table_schema = CURRENT_SCHEMA AND LOWER(table_name) LIKE 'eventum%'");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void the_schema_is_not_created_unless_asked(TestDatabase database) {
        // given
        String url = database.freshUrl();
        // when
        try (JpaEventStore store = JpaEventStore.builder().jdbcUrl(url, database.user(), database.password()).build()) {
            // then
            assertThat(eventumTables(database, url)).isZero();
            assertThatThrownBy(store::lastPosition).isInstanceOf(EventStoreException.class);
            // and when asked
            try (JpaEventStore withSchema = database.storeWithSchema(url)) {
                // H2 keeps its position counter table; PostgreSQL needs none
                assertThat(eventumTables(database, url)).isEqualTo(database == TestDatabase.H2 ? 4 : 3);
                assertThat(withSchema.lastPosition()).isZero();
                assertThat(store.lastPosition()).isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void creating_the_schema_again_keeps_the_events_and_later_positions_follow_them(TestDatabase database) {
        // given
        String url = database.freshUrl();
        UUID id = UUID.randomUUID();
        try (JpaEventStore first = database.storeWithSchema(url)) {
            List<Long> before = first.append(TestEvents.events(id, 1, 3));
            // when
            try (JpaEventStore again = database.storeWithSchema(url)) {
                List<Long> positions = again.append(TestEvents.events(id, 4, 4));
                // then
                assertThat(again.read(id, AggregateQuery.all())).hasSize(4);
                assertThat(positions.get(0)).isGreaterThan(before.get(2));
                // H2's counter row survives: it goes on without a gap
                assertThat(database != TestDatabase.H2 || positions.get(0) == 4L).isTrue();
            }
        }
    }

    @Test
    void a_postgres_database_written_with_the_counter_row_keeps_its_events_and_new_positions_follow_them() {
        // given a database as the counter-row release left it: its counter table and positions 1, 2, 3
        TestDatabase database = TestDatabase.POSTGRESQL;
        String url = database.freshUrl();
        UUID id = UUID.randomUUID();
        database.storeWithSchema(url).close();
        database.execute(url, "CREATE TABLE eventum_positions (id integer NOT NULL, last_position bigint NOT NULL,"
                + " CONSTRAINT eventum_positions_pk PRIMARY KEY (id), CONSTRAINT eventum_positions_one_row CHECK (id = 1));"
                + " INSERT INTO eventum_positions VALUES (1, 3);"
                + " INSERT INTO eventum_events (aggregate_id, version, type_name, payload, metadata, occurred_at, global_position)"
                + " SELECT '" + id + "', v, 'Counted', CAST('{\"n\": ' || v || '}' AS jsonb), NULL, now(), v"
                + " FROM generate_series(1, 3) AS v");
        // when the store of this release opens it again, and appends
        try (JpaEventStore store = database.storeWithSchema(url)) {
            List<Long> appended = store.append(TestEvents.events(id, 4, 5));
            // then the old events load, and every new position lies above them
            assertThat(store.read(id, AggregateQuery.all())).extracting(StoredEvent::version).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(appended).allMatch(position -> position > 3).isSorted();
            assertThat(store.readAll(GlobalQuery.after(0, 10))).extracting(StoredEvent::position)
                    .containsExactly(1L, 2L, 3L, appended.get(0), appended.get(1));
            assertThat(store.readAll(GlobalQuery.after(3, 10))).extracting(StoredEvent::version).containsExactly(4L, 5L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void appending_without_the_schema_fails_with_an_error_naming_a_missing_table(TestDatabase database) {
        try (JpaEventStore store = JpaEventStore.builder().jdbcUrl(database.freshUrl(), database.user(), database.password()).build()) {
            assertThatThrownBy(() -> store.append(TestEvents.events(UUID.randomUUID(), 1, 2)))
                    .isInstanceOf(EventStoreException.class)
                    // H2 reserves its positions first, from the counter table; PostgreSQL inserts at once
                    .hasMessageContaining(database == TestDatabase.H2 ? "table eventum_positions does not exist"
                            : "table eventum_events does not exist")
                    .hasMessageContaining("createSchema");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_dropped_events_table_is_named_by_appends_and_reads(TestDatabase database) {
        // given
        String url = database.freshUrl();
        try (JpaEventStore store = database.storeWithSchema(url)) {
            database.execute(url, "DROP TABLE eventum_events");
            UUID id = UUID.randomUUID();
            // then
            assertThatThrownBy(() -> store.append(TestEvents.events(id, 1, 2)))
                    .isInstanceOf(EventStoreException.class).hasMessageContaining("table eventum_events does not exist");
            assertThatThrownBy(() -> store.read(id, AggregateQuery.all()))
                    .isInstanceOf(EventStoreException.class).hasMessageContaining("table eventum_events does not exist")
                    .hasMessageContaining(id.toString());
            assertThatThrownBy(() -> store.readAll(GlobalQuery.after(0, 10)))
                    .isInstanceOf(EventStoreException.class).hasMessageContaining("table eventum_events does not exist");
            assertThatThrownBy(store::lastPosition)
                    .isInstanceOf(EventStoreException.class).hasMessageContaining("table eventum_events does not exist");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dropped_tracking_and_snapshot_tables_are_named(TestDatabase database) {
        // given
        String url = database.freshUrl();
        try (JpaEventStore store = database.storeWithSchema(url)) {
            database.execute(url, "DROP TABLE eventum_tracking");
            database.execute(url, "DROP TABLE eventum_snapshots");
            UUID id = UUID.randomUUID();
            SnapshotRecord snapshot = new SnapshotRecord(id, 1, "S", "{}".getBytes(StandardCharsets.UTF_8), Instant.now());
            // then
            assertThatThrownBy(() -> store.append(List.of(), new Tracking("projection", 1)))
                    .isInstanceOf(EventStoreException.class).hasMessageContaining("table eventum_tracking does not exist");
            assertThatThrownBy(() -> store.trackedPosition("projection"))
                    .isInstanceOf(EventStoreException.class).hasMessageContaining("table eventum_tracking does not exist");
            assertThatThrownBy(() -> store.save(snapshot))
                    .isInstanceOf(EventStoreException.class).hasMessageContaining("table eventum_snapshots does not exist");
            assertThatThrownBy(() -> store.latest(id, 1))
                    .isInstanceOf(EventStoreException.class).hasMessageContaining("table eventum_snapshots does not exist");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void creating_the_schema_again_creates_only_a_missing_table_and_keeps_the_others_rows(TestDatabase database) {
        // given a store's tables with events, of which one table was dropped
        String url = database.freshUrl();
        UUID id = UUID.randomUUID();
        try (JpaEventStore first = database.storeWithSchema(url)) {
            first.append(TestEvents.events(id, 1, 3));
            database.execute(url, "DROP TABLE eventum_tracking");
            // when
            try (JpaEventStore again = database.storeWithSchema(url)) {
                // then the dropped table is back, and the events are still there
                assertThat(again.append(TestEvents.events(id, 4, 4), new Tracking("projection", 3))).hasSize(1);
                assertThat(again.trackedPosition("projection")).isEqualTo(3);
                assertThat(again.read(id, AggregateQuery.all())).hasSize(4);
            }
        }
    }

    @Test
    void creating_the_schema_again_puts_back_a_missing_h2_counter_row_above_the_stored_positions() {
        // given
        TestDatabase database = TestDatabase.H2;
        String url = database.freshUrl();
        UUID id = UUID.randomUUID();
        try (JpaEventStore first = database.storeWithSchema(url)) {
            first.append(TestEvents.events(id, 1, 3));
            database.execute(url, "DELETE FROM eventum_positions");
            // when
            try (JpaEventStore again = database.storeWithSchema(url)) {
                // then positions go on after the stored ones
                assertThat(again.append(TestEvents.events(id, 4, 5))).containsExactly(4L, 5L);
            }
        }
    }

    @Test
    void every_statement_of_the_shipped_ddl_is_one_whose_effect_the_schema_checks_before_running_it() {
        // when
        List<Schema.Ddl> postgres = Schema.ddl(SqlDialect.POSTGRESQL.schemaResource());
        List<Schema.Ddl> h2 = Schema.ddl(SqlDialect.H2.schemaResource());
        // then
        assertThat(postgres).extracting(Schema.Ddl::makes)
                .containsExactly("table eventum_events", "table eventum_tracking", "table eventum_snapshots");
        assertThat(h2).extracting(Schema.Ddl::makes).containsExactly("table eventum_events", "table eventum_positions",
                "the row of table eventum_positions", "table eventum_tracking", "table eventum_snapshots");
    }
}
