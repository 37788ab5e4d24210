package io.eventum.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AggregateRootTest {

    @Test
    void creating_an_aggregate_applies_the_created_event_and_keeps_it_pending() {
        // when
        Light light = Light.install("kitchen");
        // then
        assertThat(light.version()).isEqualTo(1);
        assertThat(light.room()).isEqualTo("kitchen");
        assertThat(light.createdOn()).isEqualTo(light.lastModifiedOn());
        assertThat(light.pendingEvents()).singleElement().isInstanceOf(Light.Installed.class);
        assertThat(light.pendingEvents().get(0).originatorId()).isEqualTo(light.id());
    }

    @Test
    void a_command_triggers_an_event_with_the_next_version_and_applies_it() {
        // given
        Light light = Light.install("hall");
        // when
        light.switchOn();
        light.switchOff();
        light.switchOn();
        // then
        assertThat(light.isOn()).isTrue();
        assertThat(light.version()).isEqualTo(4);
        assertThat(light.pendingEvents()).extracting(DomainEvent::originatorVersion).containsExactly(1L, 2L, 3L, 4L);
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
        assertThat(light.pendingEvents()).singleElement().isInstanceOf(Light.Switched.class);
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
    void an_event_of_another_aggregate_is_rejected_naming_both_ids() {
        // given
        Light light = Light.install("hall");
        UUID other = UUID.randomUUID();
        // when
        EventIdMismatchException rejected = catchThrowableOfType(EventIdMismatchException.class,
                () -> light.apply(new Light.Switched(other, 2, Instant.now(), true)));
        // then
        assertThat(rejected.aggregateId()).isEqualTo(light.id());
        assertThat(rejected.eventOriginatorId()).isEqualTo(other);
        assertThat(rejected).hasMessageContaining(light.id().toString()).hasMessageContaining(other.toString());
        assertThat(light.version()).isEqualTo(1);
        assertThat(light.isOn()).isFalse();
    }

    @Test
    void an_event_whose_version_is_not_current_plus_one_is_rejected_naming_both_versions() {
        // given
        Light light = Light.install("hall");
        // when
        EventVersionMismatchException skipped = catchThrowableOfType(EventVersionMismatchException.class,
                () -> light.apply(new Light.Switched(light.id(), 3, Instant.now(), true)));
        EventVersionMismatchException repeated = catchThrowableOfType(EventVersionMismatchException.class,
                () -> light.apply(new Light.Switched(light.id(), 1, Instant.now(), true)));
        // then
        assertThat(skipped.eventVersion()).isEqualTo(3);
        assertThat(skipped.aggregateVersion()).isEqualTo(1);
        assertThat(skipped).hasMessageContaining("version 3").hasMessageContaining("expected 2").hasMessageContaining(light.id().toString());
        assertThat(repeated.eventVersion()).isEqualTo(1);
        assertThat(light.pendingEvents()).hasSize(1);
        assertThat(light.isOn()).isFalse();
    }

    @Test
    void a_creation_event_must_have_version_one() {
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> AggregateRoot.mutate(Light.MUTATOR, null, new Light.Installed(id, 2, Instant.now(), "x")))
                .isInstanceOf(EventVersionMismatchException.class)
                .hasMessageContaining(id.toString())
                .hasMessageContaining("expected 1");
    }

    @Test
    void replaying_events_through_mutate_rebuilds_the_same_state_without_pending_events() {
        // given
        Light original = Light.install("porch");
        original.switchOn();
        original.switchOff();
        original.switchOn();
        // when
        Light replayed = null;
        for (Light.Event event : original.pendingEvents()) {
            replayed = AggregateRoot.mutate(Light.MUTATOR, replayed, event);
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
        Light light = Light.install("porch");
        light.remove();
        // when
        Light replayed = AggregateRoot.mutate(Light.MUTATOR, null, light.pendingEvents().get(0));
        replayed = AggregateRoot.mutate(Light.MUTATOR, replayed, light.pendingEvents().get(1));
        // then
        assertThat(replayed).isNull();
    }

    @Test
    void a_mutator_that_returns_another_instance_is_rejected() {
        // given
        Light light = Light.install("hall");
        Light stranger = Light.install("hall");
        Mutator<Light, Light.Event> broken = (aggregate, event) -> stranger;
        // then
        assertThatThrownBy(() -> AggregateRoot.mutate(broken, light, new Light.Switched(light.id(), 2, Instant.now(), true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must return the aggregate it was given");
    }
}
