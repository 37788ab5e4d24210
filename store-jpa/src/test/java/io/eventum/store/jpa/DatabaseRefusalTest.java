package io.eventum.store.jpa;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static io.eventum.store.tck.TestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A value the port accepts and the database refuses (a user's check or trigger; the port refuses
 * beforehand what a store could not keep): the append fails with an {@link IllegalArgumentException}
 * saying what kind of value was refused, repeating at most a few hundred characters of the
 * database's own message, and stores nothing.
 */
class DatabaseRefusalTest {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_value_that_fails_a_check_is_refused_saying_so_and_naming_the_event(TestDatabase database) {
        // given a check the application added to the events table
        String url = database.freshUrl();
        try (JpaEventStore store = database.storeWithSchema(url)) {
            database.execute(url, "ALTER TABLE eventum_events ADD CONSTRAINT no_forbidden_types CHECK (type_name <> 'Forbidden')");
            UUID id = UUID.randomUUID();
            EventRecord forbidden = new EventRecord(id, 1, "Forbidden", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), Instant.now());
            // when, then
            assertThatThrownBy(() -> store.append(List.of(forbidden))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("appending event version 1 (type 'Forbidden') of aggregate " + id
                            + " failed: the database refused a value that fails a check on its table; nothing was stored.")
                    .hasMessageNotContaining("JSON object")
                    // the database's words name its constraint (H2 in capitals)
                    .satisfies(refusal -> assertThat(refusal.getMessage().toLowerCase(Locale.ROOT))
                            .contains("the database said: ").contains("no_forbidden_types"));
            assertThat(store.read(id, AggregateQuery.all())).isEmpty();
            assertThat(store.append(events(id, 1, 2))).hasSize(2);
        }
    }

    @Test
    void a_refusal_whose_database_message_echoes_a_huge_value_repeats_only_its_start() {
        // given a trigger that refuses every event the way PostgreSQL refuses an out-of-range
        // timestamp, echoing the whole payload in its message
        TestDatabase database = TestDatabase.POSTGRESQL;
        String url = database.freshUrl();
        try (JpaEventStore store = database.storeWithSchema(url)) {
            database.execute(url, "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                    + " RAISE EXCEPTION 'date/time field value out of range: %', NEW.payload::text USING ERRCODE = '22008';"
                    + " END $$");
            database.execute(url, "CREATE TRIGGER refuse BEFORE INSERT ON eventum_events FOR EACH ROW EXECUTE FUNCTION refuse()");
            UUID id = UUID.randomUUID();
            String huge = "x".repeat(100_000);
            EventRecord event = new EventRecord(id, 7, "Huge", ("{\"text\":\"" + huge + "\"}").getBytes(StandardCharsets.UTF_8),
                    Map.of(), Instant.now());
            // when, then
            assertThatThrownBy(() -> store.append(List.of(event))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("appending event version 7 (type 'Huge') of aggregate " + id
                            + " failed: the database refused a timestamp it cannot store (out of its range or form);"
                            + " nothing was stored. The database said: ")
                    .hasMessageContaining("date/time field value out of range")
                    .hasMessageContaining("... (cut: the database's message has ")
                    .hasMessageEndingWith("[SQL state 22008]")
                    .hasMessageNotContaining("JSON object")
                    .satisfies(refusal -> assertThat(refusal.getMessage()).hasSizeLessThan(700));
            assertThat(store.read(id, AggregateQuery.all())).isEmpty();
        }
    }
}
