package io.eventum.store.tck;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.DomainEvent;
import io.eventum.domain.Mutator;

import java.time.Instant;
import java.util.UUID;

/** The contract's own small aggregate: a named running total, with a snapshot state. */
final class Tally extends AggregateRoot<Tally, Tally.Event> {

    sealed interface Event extends DomainEvent permits Opened, Added, Closed {
    }

    record Opened(UUID originatorId, long originatorVersion, Instant timestamp, String name) implements Event {
    }

    record Added(UUID originatorId, long originatorVersion, Instant timestamp, long amount) implements Event {
    }

    record Closed(UUID originatorId, long originatorVersion, Instant timestamp) implements Event {
    }

    /** The snapshot state. */
    record State(String name, long total, int additions) {
    }

    static final Mutator<Tally, Event> MUTATOR = Tally::mutate;

    private final String name;
    private long total;
    private int additions;

    private Tally(Opened opened) {
        super(opened);
        this.name = opened.name();
    }

    private Tally(Restored restored, State state) {
        super(restored);
        this.name = state.name();
        this.total = state.total();
        this.additions = state.additions();
    }

    static Tally open(String name) {
        return create(MUTATOR, new Opened(UUID.randomUUID(), 1, now(), name));
    }

    static Tally restore(Restored restored, State state) {
        return new Tally(restored, state);
    }

    private static Tally mutate(Tally tally, Event event) {
        if (event instanceof Opened opened) {
            return new Tally(opened);
        } else if (event instanceof Added added) {
            tally.total += added.amount();
            tally.additions++;
            return tally;
        } else if (event instanceof Closed) {
            return null;
        }
        throw new IllegalArgumentException(String.valueOf(event));
    }

    @Override
    protected Mutator<Tally, Event> mutator() {
        return MUTATOR;
    }

    void add(long amount) {
        trigger((id, version, at) -> new Added(id, version, at, amount));
    }

    void close() {
        trigger(Closed::new);
    }

    State state() {
        return new State(name, total, additions);
    }

    String name() {
        return name;
    }

    long total() {
        return total;
    }

    int additions() {
        return additions;
    }
}
