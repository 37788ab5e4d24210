package io.eventum.application.codec;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;
import io.eventum.domain.StoredType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTypeRegistryTest {

    static final class Parcel extends AggregateRoot<Parcel, Parcel.Event> {
        sealed interface Event permits Sent, Delivered {
        }

        record Sent(String to) implements Event {
        }

        record Delivered() implements Event {
        }

        record State(int count) {
        }
    }

    private static AggregateType.Builder<Parcel, Parcel.Event> parcel() {
        return AggregateType.builder(Parcel.class, Parcel.Event.class).mutator((parcel, event) -> parcel == null ? new Parcel() : parcel);
    }

    @Test
    void events_and_snapshot_states_are_found_by_class_and_by_stored_name() {
        // when
        AggregateType<Parcel, Parcel.Event> type = parcel()
                .version(Parcel.Delivered.class, 3)
                .upcaster(Parcel.Delivered.class, 1, json -> json)
                .upcaster(Parcel.Delivered.class, 2, json -> json)
                .alias(Parcel.Delivered.class, "ParcelDelivered")
                .snapshots(Parcel.State.class, parcel -> new Parcel.State(1), state -> new Parcel())
                .build();
        EventTypeRegistry registry = EventTypeRegistry.of(type);
        // then
        assertThat(registry.eventType(Parcel.Sent.class).name()).isEqualTo("EventTypeRegistryTest.Parcel.Sent");
        assertThat(registry.named("ParcelDelivered").type()).isEqualTo(Parcel.Delivered.class);
        assertThat(registry.stateType(Parcel.State.class).name()).isEqualTo("EventTypeRegistryTest.Parcel.State");
        assertThat(registry.isEvent(registry.named("EventTypeRegistryTest.Parcel.State"))).isFalse();
        assertThat(registry.eventType(String.class)).isNull();
        assertThat(EventTypeRegistry.storedNamesOf(type)).containsExactlyInAnyOrder("EventTypeRegistryTest.Parcel.Sent",
                "EventTypeRegistryTest.Parcel.Delivered", "EventTypeRegistryTest.Parcel.Delivered@v2",
                "EventTypeRegistryTest.Parcel.Delivered@v3", "ParcelDelivered", "ParcelDelivered@v2", "ParcelDelivered@v3");
    }

    @Test
    void a_name_taken_by_another_aggregate_is_refused_naming_both_classes() {
        AggregateType<Parcel, Parcel.Event> renamed = parcel().name(Parcel.Sent.class, "Account.Opened").build();
        assertThatThrownBy(() -> EventTypeRegistry.of(Account.TYPE, renamed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Account.Opened'").hasMessageContaining(Account.Opened.class.getName())
                .hasMessageContaining(Parcel.Sent.class.getName());
    }

    @Test
    void an_alias_taken_by_another_aggregate_is_refused() {
        AggregateType<Parcel, Parcel.Event> aliased = parcel().alias(Parcel.Sent.class, "Account.Deposited").build();
        assertThatThrownBy(() -> EventTypeRegistry.of(Account.TYPE, aliased)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Account.Deposited'");
    }

    @Test
    void a_stored_type_string_parses_into_name_and_version() {
        assertThat(StoredTypeName.parse("Account.Opened")).isEqualTo(new StoredTypeName("Account.Opened", 1));
        assertThat(StoredTypeName.parse("Account.Opened@v12")).isEqualTo(new StoredTypeName("Account.Opened", 12));
        assertThat(StoredTypeName.of("Account.Opened", 1)).isEqualTo("Account.Opened");
        assertThatThrownBy(() -> StoredTypeName.parse("Account.Opened@vX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Account.Opened@vX");
    }

    @Test
    void every_stored_type_string_of_a_type_covers_its_versions_and_aliases() {
        StoredType type = new StoredType(Parcel.Sent.class, "Parcel.Sent", 2, java.util.List.of("Sent"), java.util.Map.of(1, json -> json));
        assertThat(EventTypeRegistry.storedNames(type)).containsExactly("Parcel.Sent", "Parcel.Sent@v2", "Sent", "Sent@v2");
    }
}
