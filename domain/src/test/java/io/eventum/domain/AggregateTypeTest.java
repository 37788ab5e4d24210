package io.eventum.domain;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateTypeTest {

    @Test
    void every_permitted_event_gets_its_default_name_from_its_nesting() {
        assertThat(Light.TYPE.eventTypes()).extracting(StoredType::name)
                .containsExactly("Light.Installed", "Light.Switched", "Light.Removed");
        assertThat(Light.TYPE.eventTypes()).extracting(StoredType::version).containsOnly(1);
    }

    @Test
    void events_permitted_through_a_nested_sealed_interface_are_named_too() {
        AggregateType<Door, Door.Event> type = AggregateType.of(Door.class, Door.Event.class, Door::mutate);
        assertThat(type.eventTypes()).extracting(StoredType::type)
                .containsExactly(Door.Fitted.class, Door.Opened.class, Door.Closed.class);
    }

    @Test
    void a_name_an_alias_a_version_and_upcasters_can_be_given_once_per_class() {
        // when
        AggregateType<Light, Light.Event> type = AggregateType.builder(Light.class, Light.Event.class)
                .mutator(Light::mutate).discardedBy(Light.Removed.class)
                .name(Light.Switched.class, "Lamp.Toggled")
                .alias(Light.Switched.class, "Light.Switched")
                .version(Light.Installed.class, 3)
                .upcaster(Light.Installed.class, 1, json -> json)
                .upcaster(Light.Installed.class, 2, json -> json)
                .build();
        // then
        StoredType switched = type.eventTypes().get(1);
        assertThat(switched.name()).isEqualTo("Lamp.Toggled");
        assertThat(switched.aliases()).containsExactly("Light.Switched");
        assertThat(type.eventTypes().get(0).version()).isEqualTo(3);
        assertThat(type.eventTypes().get(0).upcasterFrom(2)).isPresent();
        assertThatThrownBy(() -> AggregateType.builder(Light.class, Light.Event.class).name(Light.Switched.class, "A").name(Light.Switched.class, "B"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name it once");
    }

    @Test
    void an_event_type_that_is_not_sealed_fails_when_the_descriptor_is_built() {
        assertThatThrownBy(() -> AggregateType.of(Loose.class, Loose.Event.class, (loose, event) -> loose))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Loose.Event.class.getName()).hasMessageContaining("sealed");
    }

    @Test
    void a_permitted_event_class_whose_subclasses_could_not_be_named_fails_when_the_descriptor_is_built() {
        assertThatThrownBy(() -> AggregateType.of(Vague.class, Vague.Event.class, (vague, event) -> vague))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Vague.Unnamed.class.getName());
    }

    @Test
    void two_events_under_one_name_fail_when_the_descriptor_is_built() {
        assertThatThrownBy(() -> AggregateType.builder(Light.class, Light.Event.class).mutator(Light::mutate)
                .name(Light.Switched.class, "Light.Installed").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Light.Installed'").hasMessageContaining(Light.Installed.class.getName())
                .hasMessageContaining(Light.Switched.class.getName());
    }

    @Test
    void an_event_version_without_an_upcaster_for_each_older_version_fails_when_the_descriptor_is_built() {
        assertThatThrownBy(() -> AggregateType.builder(Light.class, Light.Event.class).mutator(Light::mutate)
                .version(Light.Switched.class, 3).upcaster(Light.Switched.class, 2, json -> json).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no upcaster from version 1 to 2");
    }

    @Test
    void naming_a_class_the_aggregate_does_not_store_fails_when_the_descriptor_is_built() {
        assertThatThrownBy(() -> AggregateType.builder(Light.class, Light.Event.class).mutator(Light::mutate)
                .name(String.class, "Light.Text").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.String");
    }

    @Test
    void a_malformed_name_is_refused() {
        assertThatThrownBy(() -> AggregateType.builder(Light.class, Light.Event.class).name(Light.Switched.class, "Light Switched@v2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Light Switched@v2");
    }

    @Test
    void a_descriptor_without_a_mutator_is_refused() {
        assertThatThrownBy(() -> AggregateType.builder(Light.class, Light.Event.class).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("needs a mutator");
    }

    @Test
    void snapshots_capture_and_restore_with_the_header_set_by_the_framework() {
        // given
        AggregateType<Light, Light.Event> type = AggregateType.builder(Light.class, Light.Event.class)
                .mutator(Light::mutate).discardedBy(Light.Removed.class)
                .snapshots(Light.State.class, light -> new Light.State(light.room(), light.isOn()), Light.State::restore)
                .snapshotEvery(10)
                .build();
        Light light = type.create(new Light.Installed("den"));
        light.switchOn();
        UUID id = light.id();
        // when
        Light restored = type.restore(id, 2, light.createdOn(), light.lastModifiedOn(), type.capture(light));
        // then
        assertThat(type.snapshotStateType()).get().extracting(StoredType::name).isEqualTo("Light.State");
        assertThat(type.snapshotEvery()).isEqualTo(10);
        assertThat(type.withSnapshotEvery(0).snapshotEvery()).isZero();
        assertThat(restored.id()).isEqualTo(id);
        assertThat(restored.version()).isEqualTo(2);
        assertThat(restored.isOn()).isTrue();
        assertThat(restored.room()).isEqualTo("den");
        assertThat(restored.createdOn()).isEqualTo(light.createdOn());
        restored.switchOff();
        assertThat(restored.pendingEvents()).singleElement().extracting(EventEnvelope::version).isEqualTo(3L);
    }

    @Test
    void a_snapshot_policy_without_snapshots_is_refused() {
        assertThatThrownBy(() -> AggregateType.builder(Light.class, Light.Event.class).mutator(Light::mutate).snapshotEvery(5).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("snapshots(");
    }

    /** An aggregate whose events permit a nested sealed interface. */
    static final class Door extends AggregateRoot<Door, Door.Event> {
        sealed interface Event permits Fitted, Movement {
        }

        sealed interface Movement extends Event permits Opened, Closed {
        }

        record Fitted() implements Event {
        }

        record Opened() implements Movement {
        }

        record Closed() implements Movement {
        }

        static Door mutate(Door door, Event event) {
            return door == null ? new Door() : door;
        }
    }

    /** An aggregate whose event type is not sealed. */
    static final class Loose extends AggregateRoot<Loose, Loose.Event> {
        interface Event {
        }
    }

    /** An aggregate that permits an abstract event class that is not sealed. */
    static final class Vague extends AggregateRoot<Vague, Vague.Event> {
        sealed interface Event permits Unnamed {
        }

        abstract static non-sealed class Unnamed implements Event {
        }
    }
}
