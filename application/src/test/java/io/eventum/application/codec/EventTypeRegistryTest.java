package io.eventum.application.codec;

import io.eventum.domain.DomainEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypeRegistryTest {

    record Opened(UUID originatorId, long originatorVersion, Instant timestamp) implements DomainEvent {
    }

    record Closed(UUID originatorId, long originatorVersion, Instant timestamp) implements DomainEvent {
    }

    record State(int count) {
    }

    @Test
    void a_type_is_stored_under_its_name_with_its_schema_version() {
        // when
        EventTypeRegistry registry = EventTypeRegistry.builder()
                .register("Opened", Opened.class)
                .register("Closed", Closed.class, 3)
                .upcaster("Closed", 1, json -> json)
                .upcaster("Closed", 2, json -> json)
                .registerState("State", State.class, 2)
                .build();
        // then
        assertThat(registry.nameOf(Opened.class)).isEqualTo("Opened");
        assertThat(registry.nameOf(Closed.class)).isEqualTo("Closed@v3");
        assertThat(registry.registrationOf(State.class).event()).isFalse();
        assertThat(registry.registrationNamed("Closed").upcasterFrom(2)).isPresent();
        assertThat(registry.registrationNamed("Closed").upcasterFrom(3)).isEmpty();
        assertThat(registry.nameOf(String.class)).isNull();
    }

    @Test
    void stored_names_cover_every_version_and_alias_of_a_type() {
        // given
        EventTypeRegistry registry = EventTypeRegistry.builder()
                .register("Account.Closed", Closed.class, 2)
                .upcaster("Account.Closed", 1, json -> json)
                .alias("AccountClosed", "Account.Closed")
                .build();
        // then
        assertThat(registry.storedNamesOf(List.of("Account.Closed")))
                .containsExactlyInAnyOrder("Account.Closed", "Account.Closed@v2", "AccountClosed", "AccountClosed@v2");
        assertThatThrownBy(() -> registry.storedNamesOf(List.of("Nope"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nope");
    }

    @Test
    void a_stored_type_string_parses_into_name_and_version() {
        assertThat(StoredTypeName.parse("Account.Opened")).isEqualTo(new StoredTypeName("Account.Opened", 1));
        assertThat(StoredTypeName.parse("Account.Opened@v12")).isEqualTo(new StoredTypeName("Account.Opened", 12));
        assertThatThrownBy(() -> StoredTypeName.parse("Account.Opened@vX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Account.Opened@vX");
    }

    @Test
    void conflicting_or_malformed_registrations_are_rejected_with_the_name() {
        assertThatThrownBy(() -> EventTypeRegistry.builder().register("A", Opened.class).register("A", Closed.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'A'").hasMessageContaining(Opened.class.getName());
        assertThatThrownBy(() -> EventTypeRegistry.builder().register("A", Opened.class).register("B", Opened.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
        assertThatThrownBy(() -> EventTypeRegistry.builder().register("A@v2", Opened.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A@v2");
        assertThatThrownBy(() -> EventTypeRegistry.builder().register("A", Opened.class, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start at 1");
        assertThatThrownBy(() -> EventTypeRegistry.builder().register("A", DomainEvent.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("abstract");
        assertThatThrownBy(() -> EventTypeRegistry.builder().upcaster("A", 1, json -> json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before its upcasters");
        assertThatThrownBy(() -> EventTypeRegistry.builder().register("A", Opened.class, 2).upcaster("A", 2, json -> json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing to do");
        assertThatThrownBy(() -> EventTypeRegistry.builder().register("A", Opened.class).alias("A", "A"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
    }
}
