package io.eventum.examples.ddd;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.StoredEvent;
import io.eventum.store.inmemory.InMemoryEventStore;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every assertion of the seed's "Run the code" section, in order, at repository level. */
class SeedScenarioTest {

    @Test
    void the_seed_scenario_runs_as_the_seed_says() {
        InMemoryEventStore store = new InMemoryEventStore();
        try (ExampleDDDApplication app = new ExampleDDDApplication(store)) {

            // Create a new aggregate.
            ExampleAggregateRoot aggregate = ExampleAggregateRoot.create();
            app.save(aggregate);

            // Check it exists in the repository.
            assertThat(app.aggregateRepository.contains(aggregate.id())).isTrue();

            // Check the aggregate has zero entities.
            assertThat(aggregate.countExamples()).isZero();

            // Check the aggregate has zero entities.
            assertThat(aggregate.countExamples()).isZero();

            // Ask the aggregate to create an entity within itself.
            aggregate.createNewExample();

            // Check the aggregate has one entity.
            assertThat(aggregate.countExamples()).isEqualTo(1);

            // Check the aggregate in the repo still has zero entities.
            assertThat(app.aggregateRepository.get(aggregate.id()).countExamples()).isZero();

            // Call save().
            app.save(aggregate);

            // Check the aggregate in the repo now has one entity.
            assertThat(app.aggregateRepository.get(aggregate.id()).countExamples()).isEqualTo(1);

            // Create two more entities within the aggregate.
            aggregate.createNewExample();
            aggregate.createNewExample();

            // Save both "entity created" events in one atomic transaction.
            long positionBefore = store.lastPosition();
            app.save(aggregate);
            List<StoredEvent> savedTogether = store.read(aggregate.id(), AggregateQuery.all().after(2));
            assertThat(savedTogether).extracting(StoredEvent::type)
                    .containsExactly("ExampleAggregateRoot.ExampleCreated", "ExampleAggregateRoot.ExampleCreated");
            assertThat(savedTogether).extracting(StoredEvent::position).containsExactly(positionBefore + 1, positionBefore + 2);

            // Check the aggregate in the repo now has three entities.
            assertThat(app.aggregateRepository.get(aggregate.id()).countExamples()).isEqualTo(3);

            // Discard the aggregate, but don't call save() yet.
            aggregate.discard();

            // Check the aggregate still exists in the repo.
            assertThat(app.aggregateRepository.contains(aggregate.id())).isTrue();

            // Call save().
            app.save(aggregate);

            // Check the aggregate no longer exists in the repo.
            assertThat(app.aggregateRepository.contains(aggregate.id())).isFalse();
        }
    }

    @Test
    void two_entities_created_by_one_command_sequence_are_one_append_or_nothing() {
        // given a concurrent writer has already taken the next version
        InMemoryEventStore store = new InMemoryEventStore();
        try (ExampleDDDApplication app = new ExampleDDDApplication(store)) {
            ExampleAggregateRoot aggregate = ExampleAggregateRoot.create();
            app.save(aggregate);
            ExampleAggregateRoot rival = app.aggregateRepository.get(aggregate.id());
            rival.createNewExample();
            app.save(rival);
            // when
            aggregate.createNewExample();
            aggregate.createNewExample();
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> app.save(aggregate));
            // then neither of the two events was stored
            assertThat(failure).isInstanceOf(io.eventum.application.store.ConcurrencyConflictException.class);
            assertThat(app.aggregateRepository.get(aggregate.id()).countExamples()).isEqualTo(1);
            assertThat(aggregate.pendingEvents()).hasSize(2);
        }
    }

    @Test
    void with_a_snapshot_policy_the_aggregate_loads_the_same_from_its_latest_snapshot() {
        // given
        InMemoryEventStore store = new InMemoryEventStore();
        try (ExampleDDDApplication app = new ExampleDDDApplication(store, 10)) {
            ExampleAggregateRoot aggregate = ExampleAggregateRoot.create();
            for (int i = 0; i < 24; i++) {
                aggregate.createNewExample();
            }
            app.save(aggregate);
            // when
            ExampleAggregateRoot loaded = app.aggregateRepository.get(aggregate.id());
            // then
            assertThat(store.latest(aggregate.id(), Long.MAX_VALUE)).get().extracting(s -> s.version()).isEqualTo(25L);
            assertThat(loaded.countExamples()).isEqualTo(24);
            assertThat(loaded.examples()).extracting(Example::id).containsExactlyElementsOf(
                    aggregate.examples().stream().map(Example::id).toList());
            assertThat(loaded.version()).isEqualTo(25);
        }
    }
}
