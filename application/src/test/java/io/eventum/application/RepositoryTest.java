package io.eventum.application;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;
import io.eventum.domain.EventEnvelope;
import io.eventum.domain.EventVersionMismatchException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RepositoryTest {

    private final RecordingEventStore store = new RecordingEventStore();
    private final AtomicInteger decodes = new AtomicInteger();
    private final Application app = Application.builder(store).aggregate(Counter.TYPE)
            .codec(types -> new CountingDecodes(new JacksonEventCodec(types), decodes)).build();
    private final Repository<Counter, Counter.Event> counters = app.repository(Counter.TYPE);

    @Test
    void a_saved_aggregate_is_rebuilt_from_its_events() {
        // given
        Counter counter = Counter.create("visits");
        counter.increment(2, "a");
        counter.increment(3, "b", "c");
        // when
        counters.save(counter);
        Counter loaded = counters.get(counter.id());
        // then
        assertThat(loaded.name()).isEqualTo("visits");
        assertThat(loaded.value()).isEqualTo(5);
        assertThat(loaded.tags()).containsExactly("a", "b", "c");
        assertThat(loaded.version()).isEqualTo(3);
        assertThat(loaded.createdOn()).isEqualTo(counter.createdOn());
        assertThat(loaded.lastModifiedOn()).isEqualTo(counter.lastModifiedOn());
        assertThat(loaded.pendingEvents()).isEmpty();
        assertThat(counter.pendingEvents()).isEmpty();
    }

    @Test
    void stored_payloads_hold_the_events_own_fields_only() {
        // given
        Counter counter = Counter.create("visits");
        counter.increment(2, "a");
        // when
        app.save(counter);
        // then
        assertThat(store.appends.get(0)).extracting(EventRecord::payloadJson)
                .containsExactly("{\"name\":\"visits\"}", "{\"by\":2,\"tags\":[\"a\"]}");
        assertThat(store.appends.get(0)).extracting(EventRecord::type).containsExactly("Counter.Created", "Counter.Incremented");
        assertThat(store.appends.get(0)).extracting(EventRecord::version).containsExactly(1L, 2L);
    }

    @Test
    void an_aggregate_can_be_loaded_as_it_was_at_an_earlier_version() {
        // given
        Counter counter = Counter.create("visits");
        counter.increment(2);
        counter.increment(3);
        counters.save(counter);
        // when
        Counter atTwo = counters.get(counter.id(), 2);
        // then
        assertThat(atTwo.version()).isEqualTo(2);
        assertThat(atTwo.value()).isEqualTo(2);
    }

    @Test
    void an_unknown_id_is_not_found_not_contained_and_found_empty() {
        UUID unknown = UUID.randomUUID();
        assertThat(counters.contains(unknown)).isFalse();
        assertThat(counters.find(unknown)).isEmpty();
        assertThatThrownBy(() -> counters.get(unknown)).isInstanceOf(AggregateNotFoundException.class)
                .hasMessageContaining(unknown.toString()).hasMessageContaining("not found");
    }

    @Test
    void find_returns_the_aggregate_when_it_exists() {
        Counter counter = Counter.create("visits");
        counter.increment(4);
        counters.save(counter);
        assertThat(counters.find(counter.id())).get().extracting(Counter::value).isEqualTo(4);
    }

    @Test
    void contains_reads_only_the_newest_event_and_decodes_nothing() {
        // given a long stream
        Counter counter = Counter.create("long");
        for (int i = 0; i < 50; i++) {
            counter.increment(1);
        }
        counters.save(counter);
        store.reads.clear();
        decodes.set(0);
        // when
        boolean contained = counters.contains(counter.id());
        // then
        assertThat(contained).isTrue();
        assertThat(store.reads).containsExactly(AggregateQuery.all().newestFirst().limit(1));
        assertThat(decodes).hasValue(0);
    }

    @Test
    void a_discarded_aggregate_is_not_found_but_its_earlier_versions_are() {
        // given
        Counter counter = Counter.create("temporary");
        counter.increment(1);
        counter.discard();
        // when
        counters.save(counter);
        // then
        assertThat(counters.contains(counter.id())).isFalse();
        assertThat(counters.find(counter.id())).isEmpty();
        assertThatThrownBy(() -> counters.get(counter.id())).isInstanceOf(AggregateNotFoundException.class)
                .hasMessageContaining("discarded");
        assertThat(counters.get(counter.id(), 2).value()).isEqualTo(1);
    }

    @Test
    void saving_several_aggregates_makes_one_atomic_append() {
        // given
        Counter first = Counter.create("first");
        Counter second = Counter.create("second");
        first.increment(1);
        // when
        counters.save(first, second, first);
        // then
        assertThat(store.appends).hasSize(1);
        assertThat(store.appends.get(0)).extracting(EventRecord::aggregateId)
                .containsExactly(first.id(), first.id(), second.id());
        assertThat(first.pendingEvents()).isEmpty();
        assertThat(second.pendingEvents()).isEmpty();
    }

    @Test
    void saving_nothing_pending_appends_nothing() {
        // given
        Counter counter = Counter.create("idle");
        counters.save(counter);
        // when
        counters.save(counter);
        // then
        assertThat(store.appends).hasSize(1);
    }

    @Test
    void a_failed_append_keeps_every_pending_event() {
        // given
        Counter first = Counter.create("first");
        Counter second = Counter.create("second");
        store.failNextAppendWith(new EventStoreException("database down"));
        // when
        assertThatThrownBy(() -> counters.save(first, second)).isInstanceOf(EventStoreException.class);
        // then
        assertThat(first.pendingEvents()).hasSize(1);
        assertThat(second.pendingEvents()).hasSize(1);
        assertThat(counters.contains(first.id())).isFalse();
        counters.save(first, second);
        assertThat(counters.contains(first.id())).isTrue();
        assertThat(counters.contains(second.id())).isTrue();
    }

    @Test
    void a_concurrent_writer_makes_the_stale_save_fail_with_nothing_stored() {
        // given two copies of one aggregate
        Counter counter = Counter.create("contested");
        counters.save(counter);
        Counter mine = counters.get(counter.id());
        Counter theirs = counters.get(counter.id());
        theirs.increment(10);
        counters.save(theirs);
        // when
        mine.increment(1);
        ConcurrencyConflictException conflict = catchThrowableOfType(ConcurrencyConflictException.class, () -> counters.save(mine));
        // then
        assertThat(conflict.aggregateId()).isEqualTo(counter.id());
        assertThat(conflict.version()).isEqualTo(2);
        assertThat(mine.pendingEvents()).hasSize(1);
        assertThat(counters.get(counter.id()).value()).isEqualTo(10);
    }

    @Test
    void a_corrupt_stored_event_fails_the_load_naming_aggregate_version_type_and_field() {
        // given
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-28T08:00:00Z");
        store.append(List.of(
                new EventRecord(id, 1, "Counter.Created", json("{\"name\":\"n\"}"), Map.of(), at),
                new EventRecord(id, 2, "Counter.Incremented", json("{\"by\":\"lots\",\"tags\":[]}"), Map.of(), at)));
        // then
        assertThatThrownBy(() -> counters.get(id)).isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(id.toString()).hasMessageContaining("version 2").hasMessageContaining("Counter.Incremented")
                .hasMessageContaining("by");
    }

    @Test
    void an_id_of_another_aggregate_type_fails_the_load_and_contains() {
        // given an aggregate whose events are not Counter events
        Application both = Application.builder(store).aggregate(Counter.TYPE, Gauge.TYPE).build();
        Gauge gauge = Gauge.TYPE.create(new Gauge.Installed());
        both.save(gauge);
        // then
        assertThatThrownBy(() -> both.repository(Counter.TYPE).get(gauge.id())).isInstanceOf(AggregateTypeMismatchException.class)
                .hasMessageContaining(gauge.id().toString()).hasMessageContaining("Gauge.Installed");
        assertThatThrownBy(() -> both.repository(Counter.TYPE).contains(gauge.id())).isInstanceOf(AggregateTypeMismatchException.class)
                .hasMessageContaining(gauge.id().toString());
    }

    @Test
    void a_gap_in_the_stored_versions_fails_the_load() {
        // given
        Counter counter = Counter.create("gappy");
        counters.save(counter);
        store.append(List.of(app.codec().encode(new EventEnvelope<>(counter.id(), 3, Instant.now(), new Counter.Incremented(1, List.of()), Map.of()))));
        // then
        assertThatThrownBy(() -> counters.get(counter.id())).isInstanceOf(EventVersionMismatchException.class)
                .hasMessageContaining("version 3").hasMessageContaining("expected 2");
    }

    @Test
    void versions_below_one_are_rejected() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> counters.get(id, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(id.toString());
    }

    @Test
    void an_aggregate_type_without_snapshots_cannot_take_one() {
        Counter counter = Counter.create("plain");
        counters.save(counter);
        assertThatThrownBy(() -> counters.takeSnapshot(counter.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no snapshots");
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A second aggregate type, to load an id of the wrong type. */
    static final class Gauge extends AggregateRoot<Gauge, Gauge.Event> {
        sealed interface Event permits Installed {
        }

        record Installed() implements Event {
        }

        static final AggregateType<Gauge, Event> TYPE = AggregateType.of(Gauge.class, Event.class,
                (gauge, event) -> gauge == null ? new Gauge() : gauge);
    }

    /** A codec that counts decodes, so a test can see that nothing was decoded. */
    record CountingDecodes(EventCodec delegate, AtomicInteger decodes) implements EventCodec {
        @Override
        public EventRecord encode(EventEnvelope<?> envelope) {
            return delegate.encode(envelope);
        }

        @Override
        public Object decode(StoredEvent stored) {
            decodes.incrementAndGet();
            return delegate.decode(stored);
        }

        @Override
        public SnapshotRecord encodeSnapshot(UUID aggregateId, long version, Instant createdOn, Instant lastModifiedOn, Object state) {
            return delegate.encodeSnapshot(aggregateId, version, createdOn, lastModifiedOn, state);
        }

        @Override
        public DecodedSnapshot decodeSnapshot(SnapshotRecord snapshot) {
            return delegate.decodeSnapshot(snapshot);
        }
    }
}
