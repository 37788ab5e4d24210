package io.eventum.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AggregateRootTest {

    private static final Instant AT = Instant.parse("2026-11-30T12:00:00.123456Z");

    @Test
    void creating_an_aggregate_applies_the_created_event_and_keeps_it_pending_in_its_envelope() {
        // when
        Light light = Light.install("kitchen");
        // then
        assertThat(light.version()).isEqualTo(1);
        assertThat(light.room()).isEqualTo("kitchen");
        assertThat(light.id()).isNotNull();
        assertThat(light.createdOn()).isEqualTo(light.lastModifiedOn());
        assertThat(light.aggregateType()).isSameAs(Light.TYPE);
        EventEnvelope<Light.Event> created = light.pendingEvents().get(0);
        assertThat(light.pendingEvents()).hasSize(1);
        assertThat(created.event()).isEqualTo(new Light.Installed("kitchen"));
        assertThat(created.aggregateId()).isEqualTo(light.id());
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.timestamp()).isEqualTo(light.createdOn());
        assertThat(created.metadata()).isEmpty();
    }

    @Test
    void an_aggregate_can_be_created_with_a_chosen_id() {
        UUID id = UUID.randomUUID();
        assertThat(Light.TYPE.create(id, new Light.Installed("hall")).id()).isEqualTo(id);
    }

    @Test
    void a_command_applies_an_event_with_the_next_version_and_keeps_it_pending() {
        // given
        Light light = Light.install("hall");
        // when
        light.switchOn();
        light.switchOff();
        light.switchOn();
        // then
        assertThat(light.isOn()).isTrue();
        assertThat(light.version()).isEqualTo(4);
        assertThat(light.pendingEvents()).extracting(EventEnvelope::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(light.pendingEvents()).extracting(EventEnvelope::aggregateId).containsOnly(light.id());
        assertThat(light.lastModifiedOn()).isEqualTo(light.pendingEvents().get(3).timestamp());
    }

    @Test
    void timestamps_are_kept_at_microsecond_precision() {
        Light light = Light.install("attic");
        assertThat(light.createdOn()).isEqualTo(light.createdOn().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void marking_events_saved_clears_them_from_the_pending_list() {
        // given
        Light light = Light.install("hall");
        light.switchOn();
        // when
        light.markSaved(1);
        // then
        assertThat(light.pendingEvents()).singleElement().extracting(EventEnvelope::event).isEqualTo(new Light.Switched(true));
        assertThatThrownBy(() -> light.markSaved(2)).isInstanceOf(IllegalStateException.class).hasMessageContaining(light.id().toString());
    }

    @Test
    void the_pending_list_cannot_be_changed_from_outside() {
        Light light = Light.install("hall");
        assertThatThrownBy(() -> light.pendingEvents().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_discarded_aggregate_refuses_further_commands_naming_its_id_and_version() {
        // given
        Light light = Light.install("garage");
        light.remove();
        // when
        AggregateDiscardedException refused = catchThrowableOfType(AggregateDiscardedException.class, light::switchOn);
        // then
        assertThat(light.isDiscarded()).isTrue();
        assertThat(refused.aggregateId()).isEqualTo(light.id());
        assertThat(refused.aggregateVersion()).isEqualTo(2);
        assertThat(refused).hasMessageContaining(light.id().toString()).hasMessageContaining("version 2");
        assertThat(light.pendingEvents()).hasSize(2);
    }

    @Test
    void an_aggregate_constructed_directly_refuses_commands_and_says_how_to_create_one() {
        Light light = new Light("cellar");
        assertThatThrownBy(light::switchOn).isInstanceOf(IllegalStateException.class).hasMessageContaining("TYPE.create");
    }

    @Test
    void a_stored_event_of_another_aggregate_is_rejected_naming_both_ids() {
        // given
        Light light = Light.install("hall");
        UUID other = UUID.randomUUID();
        // when
        EventIdMismatchException rejected = catchThrowableOfType(EventIdMismatchException.class,
                () -> Light.TYPE.applyStored(light, other, 2, AT, Map.of(), new Light.Switched(true)));
        // then
        assertThat(rejected.aggregateId()).isEqualTo(light.id());
        assertThat(rejected.eventAggregateId()).isEqualTo(other);
        assertThat(rejected).hasMessageContaining(light.id().toString()).hasMessageContaining(other.toString());
        assertThat(light.version()).isEqualTo(1);
        assertThat(light.isOn()).isFalse();
    }

    @Test
    void a_stored_event_whose_version_is_not_current_plus_one_is_rejected_naming_both_versions() {
        // given
        Light light = Light.install("hall");
        // when
        EventVersionMismatchException skipped = catchThrowableOfType(EventVersionMismatchException.class,
                () -> Light.TYPE.applyStored(light, light.id(), 3, AT, Map.of(), new Light.Switched(true)));
        EventVersionMismatchException repeated = catchThrowableOfType(EventVersionMismatchException.class,
                () -> Light.TYPE.applyStored(light, light.id(), 1, AT, Map.of(), new Light.Switched(true)));
        // then
        assertThat(skipped.eventVersion()).isEqualTo(3);
        assertThat(skipped.aggregateVersion()).isEqualTo(1);
        assertThat(skipped).hasMessageContaining("version 3").hasMessageContaining("expected 2").hasMessageContaining(light.id().toString());
        assertThat(repeated.eventVersion()).isEqualTo(1);
        assertThat(light.isOn()).isFalse();
    }

    @Test
    void a_creation_event_must_have_version_one() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> Light.TYPE.applyStored(null, id, 2, AT, Map.of(), new Light.Installed("x")))
                .isInstanceOf(EventVersionMismatchException.class)
                .hasMessageContaining(id.toString())
                .hasMessageContaining("expected 1");
    }

    @Test
    void replaying_stored_events_rebuilds_the_same_state_and_header_without_pending_events() {
        // given
        Light original = Light.install("porch");
        original.switchOn();
        original.switchOff();
        original.switchOn();
        // when
        Light replayed = null;
        for (EventEnvelope<Light.Event> event : original.pendingEvents()) {
            replayed = Light.TYPE.applyStored(replayed, event.aggregateId(), event.version(), event.timestamp(), event.metadata(), event.event());
        }
        // then
        assertThat(replayed).isNotNull();
        assertThat(replayed.id()).isEqualTo(original.id());
        assertThat(replayed.version()).isEqualTo(4);
        assertThat(replayed.isOn()).isTrue();
        assertThat(replayed.createdOn()).isEqualTo(original.createdOn());
        assertThat(replayed.lastModifiedOn()).isEqualTo(original.lastModifiedOn());
        assertThat(replayed.pendingEvents()).isEmpty();
    }

    @Test
    void replaying_a_discard_yields_null() {
        // given
        UUID id = UUID.randomUUID();
        // when
        Light replayed = Light.TYPE.applyStored(null, id, 1, AT, Map.of(), new Light.Installed("porch"));
        replayed = Light.TYPE.applyStored(replayed, id, 2, AT, Map.of(), new Light.Removed());
        // then
        assertThat(replayed).isNull();
    }

    @Test
    void a_mutator_that_returns_another_instance_is_rejected() {
        // given
        Light stranger = Light.install("hall");
        AggregateType<Light, Light.Event> broken = AggregateType.of(Light.class, Light.Event.class,
                (aggregate, event) -> aggregate == null ? new Light("hall") : stranger);
        Light light = broken.create(new Light.Installed("hall"));
        // then
        assertThatThrownBy(() -> light.switchOn())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must return the aggregate it was given");
    }

    @Test
    void a_mutator_that_discards_on_an_undeclared_event_is_rejected_saying_to_declare_it() {
        // given a descriptor that does not declare Removed as discarding
        AggregateType<Light, Light.Event> undeclared = AggregateType.of(Light.class, Light.Event.class, Light::mutate);
        Light light = undeclared.create(new Light.Installed("hall"));
        // then
        assertThatThrownBy(light::remove).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("discardedBy(Removed.class)").hasMessageContaining(light.id().toString());
    }

    @Test
    void an_envelope_mutator_sees_each_event_with_its_header() {
        // given a mutator that remembers the timestamp of the last switch
        Instant[] lastSwitch = new Instant[1];
        AggregateType<Light, Light.Event> type = AggregateType.builder(Light.class, Light.Event.class)
                .envelopeMutator((light, envelope) -> {
                    lastSwitch[0] = envelope.timestamp();
                    return Light.mutate(light, envelope.event());
                })
                .discardedBy(Light.Removed.class)
                .build();
        UUID id = UUID.randomUUID();
        // when
        Light light = type.applyStored(null, id, 1, AT, Map.of("user", "u1"), new Light.Installed("hall"));
        type.applyStored(light, id, 2, AT.plusSeconds(5), Map.of(), new Light.Switched(true));
        // then
        assertThat(lastSwitch[0]).isEqualTo(AT.plusSeconds(5));
        assertThat(light.isOn()).isTrue();
        assertThat(light.lastModifiedOn()).isEqualTo(AT.plusSeconds(5));
    }
}
