package io.eventum.application;

import io.eventum.application.codec.EventEncodingException;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.GlobalQuery;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;
import io.eventum.domain.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApplicationTest {

    private final RecordingEventStore store = new RecordingEventStore();

    @Test
    void an_application_is_built_from_a_store_and_descriptors_without_subclassing() {
        // given
        Counter counter = Counter.create("visits");
        counter.increment(3);
        // when
        try (Application app = Application.builder(store).aggregate(Counter.TYPE).build()) {
            app.save(counter);
            // then
            assertThat(app.repository(Counter.TYPE).get(counter.id()).value()).isEqualTo(3);
            assertThat(app.codec()).isInstanceOf(JacksonEventCodec.class);
        }
        assertThat(store.closed).isTrue();
    }

    @Test
    void a_subclass_adds_command_methods_as_the_seeds_application_does() {
        // given
        class Counters extends Application {
            Counters() {
                super(builder(store).aggregate(Counter.TYPE));
            }

            UUID open(String name) {
                Counter counter = Counter.create(name);
                save(counter);
                return counter.id();
            }
        }
        // when
        try (Counters app = new Counters()) {
            UUID id = app.open("a");
            // then
            assertThat(app.repository(Counter.TYPE).get(id).name()).isEqualTo("a");
        }
    }

    @Test
    void a_save_stores_its_metadata_with_every_event_and_envelopes_hand_it_back() {
        // given
        Application app = Application.builder(store).aggregate(Counter.TYPE).build();
        Counter counter = Counter.create("visits");
        counter.increment(1);
        // when
        app.save(Map.of("userId", "alice", Metadata.CORRELATION_ID, "request-7"), counter);
        // then
        assertThat(store.appends.get(0)).extracting(EventRecord::metadata)
                .containsOnly(Map.of("userId", "alice", Metadata.CORRELATION_ID, "request-7"));
        EventEnvelope<Object> read = app.codec().decodeEnvelope(store.readAll(GlobalQuery.after(0, 10)).get(1));
        assertThat(read.event()).isEqualTo(new Counter.Incremented(1, java.util.List.of()));
        assertThat(read.metadata()).containsEntry("userId", "alice");
        assertThat(read.aggregateId()).isEqualTo(counter.id());
        assertThat(read.version()).isEqualTo(2);
    }

    @Test
    void a_reaction_names_its_cause_and_keeps_the_chains_correlation_id() {
        // given
        UUID id = UUID.randomUUID();
        EventEnvelope<String> first = new EventEnvelope<>(id, 4, java.time.Instant.EPOCH, "first", Map.of());
        EventEnvelope<String> second = new EventEnvelope<>(id, 5, java.time.Instant.EPOCH, "second", Metadata.causedBy(first));
        // then
        assertThat(Metadata.causedBy(first)).isEqualTo(Map.of(Metadata.CORRELATION_ID, id + ":4", Metadata.CAUSATION_ID, id + ":4"));
        assertThat(Metadata.causedBy(second)).isEqualTo(Map.of(Metadata.CORRELATION_ID, id + ":4", Metadata.CAUSATION_ID, id + ":5"));
    }

    @Test
    void the_repository_of_a_type_the_application_was_not_built_with_is_refused() {
        Application app = Application.builder(store).build();
        assertThatThrownBy(() -> app.repository(Counter.TYPE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Counter").hasMessageContaining(".aggregate(Counter.TYPE)");
    }

    @Test
    void saving_an_aggregate_of_a_type_the_application_was_not_built_with_stores_nothing() {
        Application app = Application.builder(store).build();
        Counter counter = Counter.create("stray");
        assertThatThrownBy(() -> app.save(counter)).isInstanceOf(EventEncodingException.class)
                .hasMessageContaining(Counter.Created.class.getName());
        assertThat(store.appends).isEmpty();
        assertThat(counter.pendingEvents()).hasSize(1);
    }

    @Test
    void two_aggregate_types_under_one_stored_name_fail_when_the_application_is_built() {
        // given a second aggregate that stores an event under a Counter event's name
        AggregateType<Clash, Clash.Event> clash = AggregateType.builder(Clash.class, Clash.Event.class)
                .mutator((aggregate, event) -> aggregate == null ? new Clash() : aggregate)
                .name(Clash.Made.class, "Counter.Created").build();
        // then
        assertThatThrownBy(() -> Application.builder(store).aggregate(Counter.TYPE, clash).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Counter.Created'").hasMessageContaining(Clash.Made.class.getName());
        assertThatThrownBy(() -> Application.builder(store).aggregate(Counter.TYPE, Counter.TYPE).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
    }

    @Test
    void an_aggregate_type_with_snapshots_needs_a_snapshot_store() {
        assertThatThrownBy(() -> Application.builder(store).aggregate(Counter.WITH_SNAPSHOTS).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no SnapshotStore");
    }

    /** An aggregate whose one event claims a name Counter already uses. */
    static final class Clash extends AggregateRoot<Clash, Clash.Event> {
        sealed interface Event permits Made {
        }

        record Made() implements Event {
        }
    }
}
