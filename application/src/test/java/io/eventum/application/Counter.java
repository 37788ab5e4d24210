package io.eventum.application;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;

import java.util.ArrayList;
import java.util.List;

/** A small aggregate for application tests: a named counter that can be incremented and discarded. */
final class Counter extends AggregateRoot<Counter, Counter.Event> {

    sealed interface Event permits Created, Incremented, Discarded {
    }

    record Created(String name) implements Event {
    }

    record Incremented(int by, List<String> tags) implements Event {
    }

    record Discarded() implements Event {
    }

    /** What a snapshot keeps. */
    record State(String name, int value, List<String> tags) {
    }

    static final AggregateType<Counter, Event> TYPE = AggregateType.builder(Counter.class, Event.class)
            .mutator(Counter::mutate)
            .discardedBy(Discarded.class)
            .build();

    /** The same aggregate with snapshots, taken by policy every 3 events. */
    static final AggregateType<Counter, Event> WITH_SNAPSHOTS = AggregateType.builder(Counter.class, Event.class)
            .mutator(Counter::mutate)
            .discardedBy(Discarded.class)
            .snapshots(State.class, Counter::state, Counter::new)
            .snapshotEvery(3)
            .build();

    private final String name;
    private int value;
    private final List<String> tags = new ArrayList<>();

    private Counter(String name) {
        this.name = name;
    }

    private Counter(State state) {
        this(state.name());
        this.value = state.value();
        this.tags.addAll(state.tags());
    }

    static Counter create(String name) {
        return TYPE.create(new Created(name));
    }

    static Counter mutate(Counter counter, Event event) {
        if (event instanceof Created created) {
            return new Counter(created.name());
        } else if (event instanceof Incremented incremented) {
            counter.value += incremented.by();
            counter.tags.addAll(incremented.tags());
            return counter;
        } else if (event instanceof Discarded) {
            return null;
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    void increment(int by, String... tags) {
        apply(new Incremented(by, List.of(tags)));
    }

    void discard() {
        apply(new Discarded());
    }

    State state() {
        return new State(name, value, List.copyOf(tags));
    }

    String name() {
        return name;
    }

    int value() {
        return value;
    }

    List<String> tags() {
        return tags;
    }
}
