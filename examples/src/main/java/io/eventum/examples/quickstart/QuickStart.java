package io.eventum.examples.quickstart;

import io.eventum.application.Repository;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.DomainEvent;
import io.eventum.domain.Mutator;
import io.eventum.store.inmemory.InMemoryEventStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The README's quick start, compiled and run by the build (QuickStartTest), so that it cannot rot.
 * The lines between the tag comments appear verbatim in README.md.
 */
public final class QuickStart {

    private QuickStart() {
    }

    // tag::quickstart[]
    static final class Dog extends AggregateRoot<Dog, Dog.Event> {
        sealed interface Event extends DomainEvent permits Registered, TrickAdded {}
        record Registered(UUID originatorId, long originatorVersion, Instant timestamp, String name) implements Event {}
        record TrickAdded(UUID originatorId, long originatorVersion, Instant timestamp, String trick) implements Event {}
        static Dog mutate(Dog dog, Event event) {        // the mutator: (state or null, event) -> state
            if (event instanceof Registered registered) return new Dog(registered);
            if (event instanceof TrickAdded added) dog.tricks.add(added.trick());
            return dog;
        }
        final List<String> tricks = new ArrayList<>();
        private Dog(Registered registered) { super(registered); }
        protected Mutator<Dog, Event> mutator() { return Dog::mutate; }
        static Dog register(String name) { return create(Dog::mutate, new Registered(UUID.randomUUID(), 1, now(), name)); }
        void addTrick(String trick) { trigger((id, version, at) -> new TrickAdded(id, version, at, trick)); }
    }
    static List<String> run() {
        var types = EventTypeRegistry.builder().register("Dog.Registered", Dog.Registered.class)
                .register("Dog.TrickAdded", Dog.TrickAdded.class).build();
        var dogs = new Repository<Dog, Dog.Event>(new InMemoryEventStore(), new JacksonEventCodec(types), Dog.Event.class, Dog::mutate);
        Dog fido = Dog.register("Fido");
        fido.addTrick("roll over");
        fido.addTrick("play dead");
        dogs.save(fido);                                  // both events in one atomic append
        return dogs.get(fido.id()).tricks;                // rebuilt from the stored events
    }
    // end::quickstart[]

    /** Runs the quick start and prints the reloaded dog's tricks. */
    public static void main(String[] args) {
        System.out.println(run());
    }
}
