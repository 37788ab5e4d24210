package io.eventum.store.tck;

import io.eventum.application.Application;
import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.SnapshotStore;
import io.eventum.application.store.StoredEvent;
import io.eventum.application.store.StoredValues;
import io.eventum.application.store.Tracking;
import io.eventum.domain.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Guarantee 7: what append accepts, a read returns exactly and the codec decodes; what a store
 * cannot keep faithfully is refused with {@link IllegalArgumentException} before anything is
 * stored, the same way on every store (the rules are the port's: {@link StoredValues}). Random
 * cases ({@value #CASES} per property, seeded) mix lone surrogates, U+0000, control and astral
 * characters, text at and past the length limits, and timestamps at and past the ends of the range.
 */
abstract class ValueFidelityContract {

    /** Random cases per property. */
    static final int CASES = 150;

    abstract EventStore store();

    abstract SnapshotStore snapshots();

    private final JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.of(Memo.TYPE, Tally.TYPE));

    @Test
    void every_event_a_save_accepts_reads_back_equal_and_decodes_and_every_refusal_stores_nothing() {
        HostileValues values = new HostileValues(20261130L);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            // given an event and metadata full of hostile values
            EventEnvelope<Memo.Event> envelope = new EventEnvelope<>(UUID.randomUUID(), 1, values.timestamp(),
                    new Memo.Written(values.text(300), values.metadata(), values.number(), values.flag()), values.metadata());
            long before = store().lastPosition();
            // when
            EventRecord record;
            try {
                record = codec.encode(envelope);
            } catch (IllegalArgumentException refusal) {
                // then a refusal names the event and stores nothing
                assertThat(refusal).hasMessageContaining(envelope.aggregateId().toString());
                assertThat(store().lastPosition()).isEqualTo(before);
                refused++;
                continue;
            }
            store().append(List.of(record));
            // then it reads back equal and decodes to the same event, header and metadata
            List<StoredEvent> read = store().read(envelope.aggregateId(), AggregateQuery.all());
            assertThat(TestEvents.canonical(TestEvents.records(read))).as("case %d", i).isEqualTo(TestEvents.canonical(List.of(record)));
            EventEnvelope<Object> decoded = codec.decodeEnvelope(read.get(0));
            assertThat(decoded.event()).as("case %d", i).isEqualTo(envelope.event());
            assertThat(decoded.metadata()).as("case %d", i).isEqualTo(envelope.metadata());
            assertThat(decoded.timestamp()).as("case %d", i).isEqualTo(envelope.timestamp().truncatedTo(ChronoUnit.MICROS));
            accepted++;
        }
        assertThat(accepted).as("accepted cases").isGreaterThan(CASES / 3);
        assertThat(refused).as("refused cases").isGreaterThan(10);
    }

    @Test
    void type_names_and_follower_names_are_kept_exactly_or_refused_and_filters_never_mix_them() {
        HostileValues values = new HostileValues(42L);
        List<EventRecord> stored = new ArrayList<>();
        List<Tracking> tracked = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            // given a hostile type name and follower name
            String type = values.text(StoredValues.MAX_NAME_LENGTH);
            String follower = values.text(StoredValues.MAX_NAME_LENGTH);
            long before = store().lastPosition();
            EventRecord record;
            Tracking tracking;
            try {
                record = new EventRecord(UUID.randomUUID(), 1, type, "{}".getBytes(StandardCharsets.UTF_8), Map.of(), values.timestamp());
                tracking = new Tracking(follower, i + 1);
            } catch (IllegalArgumentException refusal) {
                assertThat(store().lastPosition()).isEqualTo(before);
                refused++;
                continue;
            }
            if (tracked.stream().anyMatch(earlier -> earlier.follower().equals(follower))) {
                continue;
            }
            // when
            store().append(List.of(record), tracking);
            stored.add(record);
            tracked.add(tracking);
        }
        // then every type name reads back exactly, a filter by it finds its event only, and every follower its own position
        for (EventRecord record : stored) {
            assertThat(store().read(record.aggregateId(), AggregateQuery.all())).singleElement()
                    .satisfies(read -> assertThat(read.type()).isEqualTo(record.type()));
            assertThat(store().readAll(GlobalQuery.after(0, 1_000).ofTypes(Set.of(record.type()))))
                    .allSatisfy(read -> assertThat(read.type()).isEqualTo(record.type()))
                    .extracting(StoredEvent::aggregateId).contains(record.aggregateId());
        }
        for (Tracking tracking : tracked) {
            assertThat(store().trackedPosition(tracking.follower())).as(StoredValues.quote(tracking.follower())).isEqualTo(tracking.position());
        }
        assertThat(stored).as("accepted cases").hasSizeGreaterThan(CASES / 3);
        assertThat(refused).as("refused cases").isGreaterThan(10);
    }

    @Test
    void two_follower_names_that_differ_in_one_character_keep_two_positions() {
        // given names a lossy store would map to one: a replacement character and a question mark
        store().append(List.of(), new Tracking("follower-\uFFFD", 7));
        store().append(List.of(), new Tracking("follower-?", 9));
        // then
        assertThat(store().trackedPosition("follower-\uFFFD")).isEqualTo(7);
        assertThat(store().trackedPosition("follower-?")).isEqualTo(9);
        assertThatThrownBy(() -> store().trackedPosition("follower-\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate");
    }

    @Test
    void timestamps_at_both_ends_of_the_supported_range_read_back_exactly() {
        // given
        UUID id = UUID.randomUUID();
        Instant first = StoredValues.MIN_TIMESTAMP;
        Instant last = StoredValues.MAX_TIMESTAMP;
        List<EventRecord> records = List.of(
                new EventRecord(id, 1, "T", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), first),
                new EventRecord(id, 2, "T", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), first.plusNanos(1_000)),
                new EventRecord(id, 3, "T", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), last));
        // when
        store().append(records);
        snapshots().save(new SnapshotRecord(id, 3, "S", "{}".getBytes(StandardCharsets.UTF_8), last));
        // then
        assertThat(store().read(id, AggregateQuery.all())).extracting(StoredEvent::timestamp)
                .containsExactly(first, first.plusNanos(1_000), last);
        assertThat(snapshots().latest(id, 3)).get().extracting(SnapshotRecord::timestamp).isEqualTo(last);
    }

    @Test
    void timestamps_outside_the_supported_range_are_refused_naming_the_event_and_nothing_is_stored() {
        UUID id = UUID.randomUUID();
        for (Instant outside : List.of(Instant.MIN, Instant.MAX, StoredValues.MIN_TIMESTAMP.minusNanos(1_000),
                StoredValues.MAX_TIMESTAMP.plusNanos(1_000))) {
            assertThatThrownBy(() -> store().append(List.of(new EventRecord(id, 1, "T", "{}".getBytes(StandardCharsets.UTF_8), Map.of(),
                    outside)))).as(outside.toString()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(id.toString()).hasMessageContaining("timestamp");
        }
        assertThat(store().lastPosition()).isZero();
    }

    @Test
    void a_payload_near_the_size_limit_reads_back_exactly_and_one_past_it_is_refused() {
        // given a string filling the payload up to its limit, less a little room
        UUID id = UUID.randomUUID();
        String filler = "é✓".repeat((StoredValues.MAX_PAYLOAD_BYTES - 64) / 5);
        byte[] payload = ("{\"text\":\"" + filler + "\"}").getBytes(StandardCharsets.UTF_8);
        EventRecord big = new EventRecord(id, 1, "Big", payload, Map.of(), Instant.parse("2026-11-30T00:00:00Z"));
        // when
        store().append(List.of(big));
        // then
        StoredEvent read = store().read(id, AggregateQuery.all()).get(0);
        assertThat(TestEvents.canonicalJson(read.payload())).isEqualTo(TestEvents.canonicalJson(payload));
        byte[] tooBig = ("{\"text\":\"" + "x".repeat(StoredValues.MAX_PAYLOAD_BYTES) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new EventRecord(id, 2, "Big", tooBig, Map.of(), Instant.parse("2026-11-30T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bytes long");
    }

    @Test
    void a_stored_payload_missing_a_primitive_fails_the_load_naming_the_field_instead_of_reading_zero() {
        // given a tally whose addition was stored without its amount
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-30T00:00:00Z");
        store().append(List.of(new EventRecord(id, 1, "Tally.Opened", "{\"name\":\"t\"}".getBytes(StandardCharsets.UTF_8), Map.of(), at),
                new EventRecord(id, 2, "Tally.Added", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), at)));
        Application app = Application.builder(store()).snapshotStore(snapshots()).aggregate(Tally.TYPE).build();
        // then
        assertThatThrownBy(() -> app.repository(Tally.TYPE).get(id)).isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(id.toString()).hasMessageContaining("version 2").hasMessageContaining("Tally.Added")
                .hasMessageContaining("amount");
    }
}
