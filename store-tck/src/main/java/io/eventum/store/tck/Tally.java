package io.eventum.store.tck;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;

/** The contract's own small aggregate: a named running total, with a snapshot state. */
final class Tally extends AggregateRoot<Tally, Tally.Event> {

    sealed interface Event permits Opened, Added, Closed {
    }

    record Opened(String name) implements Event {
    }

    record Added(long amount) implements Event {
    }

    record Closed() implements Event {
    }

    /** The snapshot state. */
    record State(String name, long total, int additions) {
    }

    /** Tallies with snapshots on demand only; {@code withSnapshotEvery} adds a policy. */
    static final AggregateType<Tally, Event> TYPE = builder().snapshots(State.class, Tally::state, Tally::new).build();

    /** A builder with the mutator and the discarding event, for descriptors that differ in their snapshots. */
    static AggregateType.Builder<Tally, Event> builder() {
        return AggregateType.builder(Tally.class, Event.class).mutator(Tally::mutate).discardedBy(Closed.class);
    }

    private final String name;
    private long total;
    private int additions;

    Tally(String name) {
        this.name = name;
    }

    Tally(State state) {
        this(state.name());
        this.total = state.total();
        this.additions = state.additions();
    }

    static Tally open(String name) {
        return TYPE.create(new Opened(name));
    }

    static Tally mutate(Tally tally, Event event) {
        if (event instanceof Opened opened) {
            return new Tally(opened.name());
        } else if (event instanceof Added added) {
            tally.total += added.amount();
            tally.additions++;
            return tally;
        } else if (event instanceof Closed) {
            return null;
        }
        throw new IllegalArgumentException(String.valueOf(event));
    }

    void add(long amount) {
        apply(new Added(amount));
    }

    void close() {
        apply(new Closed());
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
