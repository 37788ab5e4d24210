package io.eventum.examples.dogschool;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;

import java.util.ArrayList;
import java.util.List;

/** A dog at the school: registered under a name, it learns tricks one at a time. */
public final class Dog extends AggregateRoot<Dog, Dog.Event> {

    /** The dog's events. */
    public sealed interface Event permits Registered, TrickAdded {
    }

    /** The dog was registered. */
    public record Registered(String name) implements Event {
    }

    /** The dog learned a trick. */
    public record TrickAdded(String trick) implements Event {
    }

    /** What a snapshot keeps of a dog: everything but the id, version and timestamps. */
    public record State(String name, List<String> tricks) {
    }

    /** The dog's type: stored as "Dog.Registered" and "Dog.TrickAdded", with a snapshot every 100 events. */
    public static final AggregateType<Dog, Event> TYPE = AggregateType.builder(Dog.class, Event.class)
            .mutator(Dog::mutate)
            .snapshots(State.class, Dog::state, Dog::new)
            .snapshotEvery(100)
            .build();

    private final String name;
    private final List<String> tricks = new ArrayList<>();

    private Dog(String name) {
        this.name = name;
    }

    private Dog(State state) {
        this(state.name());
        this.tricks.addAll(state.tricks());
    }

    /** Registers a new dog. */
    public static Dog register(String name) {
        return TYPE.create(new Registered(name));
    }

    /** The mutator. */
    static Dog mutate(Dog dog, Event event) {
        if (event instanceof Registered registered) {
            return new Dog(registered.name());
        } else if (event instanceof TrickAdded added) {
            dog.tricks.add(added.trick());
            return dog;
        }
        throw new IllegalArgumentException("not a Dog event: " + event);
    }

    /** Teaches the dog a trick. */
    public void addTrick(String trick) {
        if (trick == null || trick.isBlank()) {
            throw new IllegalArgumentException("dog " + id() + " cannot learn a blank trick");
        }
        apply(new TrickAdded(trick));
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
