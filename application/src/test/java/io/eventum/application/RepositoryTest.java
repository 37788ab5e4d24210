package io.eventum.application;

import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.EventEncodingException;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStoreException;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.DomainEvent;
import io.eventum.domain.EventVersionMismatchException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RepositoryTest {

    private final RecordingEventStore store = new RecordingEventStore();
    private final JacksonEventCodec codec = new JacksonEventCodec(Counter.EVENT_TYPES);
    private final Repository<Counter, Counter.Event> counters = new Repository<>(store, codec, Counter.Event.class, Counter.MUTATOR);

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
    void an_unknown_id_is_not_found_and_not_contained() {
        UUID unknown = UUID.randomUUID();
        assertThat(counters.contains(unknown)).isFalse();
        assertThatThrownBy(() -> counters.get(unknown)).isInstanceOf(AggregateNotFoundException.class)
                .hasMessageContaining(unknown.toString()).hasMessageContaining("not found");
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
    void an_unregistered_event_class_fails_the_save_and_stores_nothing() {
        // given
        Counter counter = Counter.create("x");
        Repository<Counter, Counter.Event> withoutIncrement = new Repository<>(store,
                new JacksonEventCodec(EventTypeRegistry.builder().register("Counter.Created", Counter.Created.class).build()),
                Counter.Event.class, Counter.MUTATOR);
        counter.increment(1);
        // then
        assertThatThrownBy(() -> withoutIncrement.save(counter)).isInstanceOf(EventEncodingException.class)
                .hasMessageContaining(Counter.Incremented.class.getName());
        assertThat(store.appends).isEmpty();
        assertThat(counter.pendingEvents()).hasSize(2);
    }

    @Test
    void a_corrupt_stored_event_fails_the_load_naming_aggregate_version_and_type() {
        // given
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-28T08:00:00Z");
        store.append(List.of(
                new EventRecord(id, 1, "Counter.Created", "{\"name\":\"n\"}".getBytes(StandardCharsets.UTF_8), Map.of(), at),
                new EventRecord(id, 2, "Counter.Incremented", "{\"by\":\"lots\"}".getBytes(StandardCharsets.UTF_8), Map.of(), at)));
        // then
        assertThatThrownBy(() -> counters.get(id)).isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(id.toString()).hasMessageContaining("version 2").hasMessageContaining("Counter.Incremented");
    }

    @Test
    void an_id_of_another_aggregate_type_fails_the_load() {
        // given an aggregate whose events are not Counter events
        record Other(UUID originatorId, long originatorVersion, Instant timestamp) implements DomainEvent {
        }
        JacksonEventCodec mixed = new JacksonEventCodec(EventTypeRegistry.builder().register("Other", Other.class).build());
        UUID id = UUID.randomUUID();
        store.append(List.of(mixed.encode(new Other(id, 1, Instant.parse("2026-11-28T08:00:00Z")))));
        Repository<Counter, Counter.Event> confused = new Repository<>(store, mixed, Counter.Event.class, Counter.MUTATOR);
        // then
        assertThatThrownBy(() -> confused.get(id)).isInstanceOf(AggregateTypeMismatchException.class)
                .hasMessageContaining(id.toString()).hasMessageContaining("Other");
    }

    @Test
    void a_gap_in_the_stored_versions_fails_the_load() {
        // given
        Counter counter = Counter.create("gappy");
        counters.save(counter);
        store.append(List.of(codec.encode(new Counter.Incremented(counter.id(), 3, Instant.now(), 1, List.of()))));
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
    void an_application_saves_through_one_append_and_closes_its_store() {
        // given
        class Counting extends Application {
            final Repository<Counter, Counter.Event> counters = repository(Counter.Event.class, Counter.MUTATOR);

            Counting() {
                super(store, Counter.EVENT_TYPES);
            }
        }
        Counter a = Counter.create("a");
        Counter b = Counter.create("b");
        // when
        try (Counting app = new Counting()) {
            app.save(a, b);
            assertThat(app.counters.get(a.id()).name()).isEqualTo("a");
            assertThat(AggregateRoot.class).isAssignableFrom(app.counters.get(b.id()).getClass());
        }
        // then
        assertThat(store.appends).hasSize(1);
        assertThat(store.closed).isTrue();
    }
}
