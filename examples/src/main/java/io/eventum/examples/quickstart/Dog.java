package io.eventum.examples.quickstart;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;

import java.util.ArrayList;
import java.util.List;

/**
 * The README quick start's aggregate, compiled and run by the build (QuickStartTest). The lines
 * between the tag comments appear verbatim in README.md.
 */
// tag::quickstart[]
final class Dog extends AggregateRoot<Dog, Dog.Event> {
    sealed interface Event permits Registered, TrickAdded {}
    record Registered(String name) implements Event {}
    record TrickAdded(String trick) implements Event {}
    static final AggregateType<Dog, Event> TYPE = AggregateType.of(Dog.class, Event.class,     // the mutator:
            (dog, event) -> event instanceof TrickAdded added ? dog.learn(added.trick()) : new Dog());
    final List<String> tricks = new ArrayList<>();
    Dog learn(String trick) { tricks.add(trick); return this; }
    void addTrick(String trick) { apply(new TrickAdded(trick)); }                  // a command
}
// end::quickstart[]
