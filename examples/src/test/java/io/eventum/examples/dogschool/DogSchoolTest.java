package io.eventum.examples.dogschool;

import io.eventum.application.store.AggregateQuery;
import io.eventum.store.inmemory.InMemoryEventStore;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DogSchoolTest {

    @Test
    void the_projection_counts_the_tricks_it_followed() throws InterruptedException {
        assertThat(DogSchoolExample.run()).isEqualTo(2);
    }

    @Test
    void a_dog_with_many_tricks_loads_from_its_latest_snapshot() {
        // given
        InMemoryEventStore store = new InMemoryEventStore();
        try (DogSchool school = new DogSchool(store, 10)) {
            UUID fido = school.registerDog("Fido");
            for (int i = 0; i < 25; i++) {
                school.addTricks(fido, "trick " + i);
            }
            // then: snapshots at versions 10 and 20, and the load matches the full history
            assertThat(store.latest(fido, Long.MAX_VALUE)).get().extracting(s -> s.version()).isEqualTo(20L);
            assertThat(school.tricks(fido)).hasSize(25).startsWith("trick 0").endsWith("trick 24");
            assertThat(store.read(fido, AggregateQuery.all())).hasSize(26);
        }
    }

    @Test
    void a_blank_trick_is_refused_and_nothing_is_saved() {
        InMemoryEventStore store = new InMemoryEventStore();
        try (DogSchool school = new DogSchool(store, 10)) {
            UUID fido = school.registerDog("Fido");
            assertThatThrownBy(() -> school.addTricks(fido, "sit", " ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(fido.toString());
            assertThat(school.tricks(fido)).isEmpty();
        }
    }
}
