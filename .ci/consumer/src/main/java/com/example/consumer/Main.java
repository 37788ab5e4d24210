package com.example.consumer;

import io.eventum.application.Application;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;
import io.eventum.store.inmemory.InMemoryEventStore;

import java.util.ArrayList;
import java.util.List;

/**
 * A user's program against the installed artifacts, as the README's quick start writes one: an
 * aggregate and its descriptor, an application over the in-memory store, a save and a load.
 */
public final class Main {

    /** A dog that learns tricks. */
    static final class Dog extends AggregateRoot<Dog, Dog.Event> {
        sealed interface Event permits Registered, TrickAdded {}
        record Registered(String name) implements Event {}
        record TrickAdded(String trick) implements Event {}
        static final AggregateType<Dog, Event> TYPE = AggregateType.of(Dog.class, Event.class, Dog::mutate);

        final List<String> tricks = new ArrayList<>();

        static Dog mutate(Dog dog, Event event) {
            if (event instanceof Registered) return new Dog();
            if (event instanceof TrickAdded added) dog.tricks.add(added.trick());
            return dog;
        }

        void addTrick(String trick) {
            apply(new TrickAdded(trick));
        }
    }

    public static void main(String[] args) {
        InMemoryEventStore store = new InMemoryEventStore();
        try (Application app = Application.builder(store).aggregate(Dog.TYPE).build()) {
            Dog fido = Dog.TYPE.create(new Dog.Registered("Fido"));
            fido.addTrick("roll over");
            app.save(fido);
            for (StoredEvent event : store.read(fido.id(), AggregateQuery.all())) {
                System.out.println("read back: version " + event.version() + " " + event.type() + " " + event.payloadJson());
            }
            System.out.println("loaded: tricks " + app.repository(Dog.TYPE).get(fido.id()).tricks);
        }
    }
}
