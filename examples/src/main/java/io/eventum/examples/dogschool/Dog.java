package io.eventum.examples.dogschool;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.DomainEvent;
import io.eventum.domain.Mutator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A dog at the school: registered under a name, it learns tricks one at a time. */
public final class Dog extends AggregateRoot<Dog, Dog.Event> {

    /** The dog's events. */
    public sealed interface Event extends DomainEvent permits Registered, TrickAdded {
    }

    /** The dog was registered. */
    public record Registered(UUID originatorId, long originatorVersion, Instant timestamp, String name) implements Event {
    }

    /** The dog learned a trick. */
    public record TrickAdded(UUID originatorId, long originatorVersion, Instant timestamp, String trick) implements Event {
    }

    /** What a snapshot keeps of a dog: everything but the id, version and timestamps. */
    public record State(String name, List<String> tricks) {
    }

    private final String name;
    private final List<String> tricks = new ArrayList<>();

    private Dog(Registered registered) {
        super(registered);
        this.name = registered.name();
    }

    private Dog(Restored restored, State state) {
        super(restored);
        this.name = state.name();
        this.tricks.addAll(state.tricks());
    }

    /** Registers a new dog. */
    public static Dog register(String name) {
        return create(Dog::mutate, new Registered(UUID.randomUUID(), 1, now(), name));
    }

    /** The mutator. */
    public static Dog mutate(Dog dog, Event event) {
        if (event instanceof Registered registered) {
            return new Dog(registered);
        } else if (event instanceof TrickAdded added) {
            dog.tricks.add(added.trick());
            return dog;
        }
        throw new IllegalArgumentException("not a Dog event: " + event);
    }

    /** Rebuilds a dog from a snapshot. */
    public static Dog restore(Restored restored, State state) {
        return new Dog(restored, state);
    }

    @Override
    protected Mutator<Dog, Event> mutator() {
        return Dog::mutate;
    }

    /** Teaches the dog a trick. */
    public void addTrick(String trick) {
        if (trick == null || trick.isBlank()) {
            throw new IllegalArgumentException("dog " + id() + " cannot learn a blank trick");
        }
        trigger((id, version, at) -> new TrickAdded(id, version, at, trick));
    }

    /** The dog's state, for a snapshot. */
    public State state() {
        return new State(name, List.copyOf(tricks));
    }

    /** The dog's name. */
    public String name() {
        return name;
    }

    /** The tricks it knows, in the order it learned them. */
    public List<String> tricks() {
        return List.copyOf(tricks);
    }
}
