package io.eventum.store.jpa;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.Tracking;
import io.eventum.store.tck.TestEvents;
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
                assertThat(eventumTables(database, url)).isEqualTo(4);
                assertThat(withSchema.lastPosition()).isZero();
                assertThat(store.lastPosition()).isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void creating_the_schema_again_keeps_the_events_and_the_position_counter(TestDatabase database) {
        // given
        String url = database.freshUrl();
        UUID id = UUID.randomUUID();
        try (JpaEventStore first = database.storeWithSchema(url)) {
            first.append(TestEvents.events(id, 1, 3));
            // when
            try (JpaEventStore again = database.storeWithSchema(url)) {
                List<Long> positions = again.append(TestEvents.events(id, 4, 4));
                // then
                assertThat(again.read(id, AggregateQuery.all())).hasSize(4);
                assertThat(positions).containsExactly(4L);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void appending_without_the_schema_fails_with_an_error_naming_a_missing_table(TestDatabase database) {
        try (JpaEventStore store = JpaEventStore.builder().jdbcUrl(database.freshUrl(), database.user(), database.password()).build()) {
            assertThatThrownBy(() -> store.append(TestEvents.events(UUID.randomUUID(), 1, 2)))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageContaining("table eventum_positions does not exist")
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
}
