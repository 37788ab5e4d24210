package io.eventum.store.jpa;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.store.tck.TestEvents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the columns keep: JSON text byte for byte, metadata of any characters, microsecond timestamps. */
class StoredValuesTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_pretty_printed_payload_with_unsorted_keys_reads_back_as_an_equal_json_value(TestDatabase database) {
        try (JpaEventStore store = database.storeWithSchema(database.freshUrl())) {
            // given
            UUID id = UUID.randomUUID();
            byte[] payload = utf8("{\n  \"zeta\" : 1,\n  \"alpha\":\"caf\\u00e9 \\\"quoted\\\" Zürich ✓\",\n\t\"nested\": {\"b\": [1, 2.50, null], \"a\": true}\n}");
            EventRecord event = new EventRecord(id, 1, "Pretty", payload, Map.of(), Instant.parse("2026-11-28T10:15:30.123456Z"));
            // when
            store.append(List.of(event));
            // then
            assertThat(TestEvents.canonicalJson(store.read(id, AggregateQuery.all()).get(0).payload()))
                    .isEqualTo(TestEvents.canonicalJson(payload));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void metadata_with_quotes_backslashes_control_characters_and_unicode_reads_back_exactly(TestDatabase database) {
        try (JpaEventStore store = database.storeWithSchema(database.freshUrl())) {
            // given
            UUID id = UUID.randomUUID();
            Map<String, String> metadata = Map.of("quote\"key", "back\\slash", "lines", "one\ntwo\r\tthree\u0001",
                    "unicode", "東京 ✓ \uD83D\uDE00", "empty", "");
            EventRecord event = new EventRecord(id, 1, "T", utf8("{}"), metadata, Instant.parse("2026-11-28T10:15:30Z"));
            // when
            store.append(List.of(event));
            // then
            assertThat(store.read(id, AggregateQuery.all()).get(0).metadata()).isEqualTo(metadata);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void timestamps_keep_their_microseconds_and_drop_nanoseconds(TestDatabase database) {
        try (JpaEventStore store = database.storeWithSchema(database.freshUrl())) {
            // given
            UUID id = UUID.randomUUID();
            List<Instant> written = List.of(Instant.parse("1970-01-01T00:00:00.000001Z"),
                    Instant.parse("2026-11-28T23:59:59.999999999Z"), Instant.parse("2999-12-31T12:00:00.5Z"));
            for (int i = 0; i < written.size(); i++) {
                store.append(List.of(new EventRecord(id, i + 1, "T", utf8("{}"), Map.of(), written.get(i))));
            }
            // when
            List<Instant> read = store.read(id, AggregateQuery.all()).stream().map(StoredEvent::timestamp).toList();
            // then
            assertThat(read).containsExactly(Instant.parse("1970-01-01T00:00:00.000001Z"),
                    Instant.parse("2026-11-28T23:59:59.999999Z"), Instant.parse("2999-12-31T12:00:00.5Z"));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_snapshot_state_reads_back_as_an_equal_json_value(TestDatabase database) {
        try (JpaEventStore store = database.storeWithSchema(database.freshUrl())) {
            // given
            UUID id = UUID.randomUUID();
            SnapshotRecord snapshot = new SnapshotRecord(id, 7, "State.v2", utf8("{ \"b\": 2,\n \"a\": \"ü\" }"),
                    Instant.parse("2026-11-28T10:15:30.000007Z"));
            // when
            store.save(snapshot);
            // then
            assertThat(store.latest(id, Long.MAX_VALUE).map(TestEvents::canonical)).contains(TestEvents.canonical(snapshot));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void timestamps_of_every_width_of_year_and_fraction_within_years_1_to_9999_read_back_exactly(TestDatabase database) {
        try (JpaEventStore store = database.storeWithSchema(database.freshUrl())) {
            // given instants at every width of year and fraction the PostgreSQL append writes as text
            UUID id = UUID.randomUUID();
            List<Instant> instants = List.of(Instant.parse("2026-11-28T10:15:30.123456Z"), Instant.parse("2026-01-02T03:04:05Z"),
                    Instant.parse("1970-01-01T00:00:00.000001Z"), Instant.parse("1969-12-31T23:59:59.999999Z"),
                    Instant.parse("0999-05-06T07:08:09.010203Z"), Instant.parse("0001-01-01T00:00:00Z"),
                    Instant.parse("0099-03-01T12:00:00.5Z"), Instant.parse("9999-12-31T23:59:59.999999Z"));
            List<EventRecord> events = new ArrayList<>();
            for (int i = 0; i < instants.size(); i++) {
                events.add(new EventRecord(id, i + 1, "T", utf8("{}"), Map.of(), instants.get(i)));
            }
            // when
            store.append(events);
            // then
            assertThat(store.read(id, AggregateQuery.all())).extracting(StoredEvent::timestamp).containsExactlyElementsOf(instants);
        }
    }
}
