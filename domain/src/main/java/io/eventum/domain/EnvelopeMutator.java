package io.eventum.domain;

/**
 * A {@link Mutator} that receives each event in its {@link EventEnvelope}, for aggregates whose
 * state needs an event's timestamp, version or metadata (a "registered at" date, say). It follows
 * the same contract as {@link Mutator}. Replay is as fast with either kind: the envelope of a
 * stored event is only built when the mutator asks for it.
 *
 * @param <A> the aggregate type
 * @param <E> the aggregate's event type, a sealed interface
 */
@FunctionalInterface
public interface EnvelopeMutator<A extends AggregateRoot<A, E>, E> {

    /**
     * Applies one event.
     *
     * @param aggregate the current state, or {@code null} when the event creates the aggregate
     * @param envelope the event and its header; never null. A pending event's metadata is empty
     *     until it is saved.
     * @return the aggregate after the event (the same instance, or a new one for a creation event),
     *     or {@code null} if the event discards it
     */
    A apply(A aggregate, EventEnvelope<E> envelope);
}
