package io.eventum.application;

import io.eventum.domain.AggregateRoot;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How an aggregate type is snapshotted: which state to capture, how to restore the aggregate
 * from it, and, optionally, how often to take a snapshot automatically.
 *
 * <pre>{@code
 * Snapshotting.of(Dog.class, Dog.State.class, Dog::state, Dog::restore).every(100)
 * }</pre>
 *
 * The state class must be registered with {@code EventTypeRegistry.Builder.registerState}; give it
 * a schema version and upcasters as it evolves. A snapshot is only a cache of the events: one that
 * cannot be used is ignored, and the load replays the events instead.
 *
 * @param aggregateClass the aggregate's class
 * @param stateClass the class of the captured state, usually a record
 * @param capture returns the aggregate's state; called only on aggregates that are not discarded
 * @param restore rebuilds the aggregate at a version from its captured state; call
 *     {@code super(restored)} in the constructor it uses
 * @param every take a snapshot automatically after each save that crosses a multiple of this many
 *     events; 0 for on-demand snapshots only
 * @param <A> the aggregate type
 * @param <S> the state type
 */
public record Snapshotting<A extends AggregateRoot<A, ?>, S>(
        Class<A> aggregateClass,
        Class<S> stateClass,
        Function<? super A, ? extends S> capture,
        BiFunction<AggregateRoot.Restored, ? super S, ? extends A> restore,
        int every) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if {@code every} is negative
     */
    public Snapshotting {
        Objects.requireNonNull(aggregateClass, "aggregateClass");
        Objects.requireNonNull(stateClass, "stateClass");
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(restore, "restore");
        if (every < 0) {
            throw new IllegalArgumentException("snapshots of " + aggregateClass.getSimpleName() + ": every must be 0 or more, was " + every);
        }
    }

    /** Snapshotting on demand only; add a policy with {@link #every(int)}. */
    public static <A extends AggregateRoot<A, ?>, S> Snapshotting<A, S> of(Class<A> aggregateClass, Class<S> stateClass,
            Function<? super A, ? extends S> capture, BiFunction<AggregateRoot.Restored, ? super S, ? extends A> restore) {
        return new Snapshotting<>(aggregateClass, stateClass, capture, restore, 0);
    }

    /** The same, also taking a snapshot automatically each time a save crosses a multiple of {@code events}. */
    public Snapshotting<A, S> every(int events) {
        if (events < 1) {
            throw new IllegalArgumentException("snapshots of " + aggregateClass.getSimpleName() + ": every must be at least 1, was " + events);
        }
        return new Snapshotting<>(aggregateClass, stateClass, capture, restore, events);
    }

    /** Whether a save that brought an aggregate from {@code before} to {@code after} is due a snapshot. */
    boolean isDue(long before, long after) {
        return every > 0 && after / every > before / every;
    }
}
