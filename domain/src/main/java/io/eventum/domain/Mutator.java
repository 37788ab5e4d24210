package io.eventum.domain;

/**
 * The mutator function of an aggregate: given the current state (or {@code null} before the
 * aggregate exists) and one event, it returns the next state.
 *
 * <ul>
 *   <li>For the aggregate's creation event it receives {@code null} and returns a new aggregate,
 *       built with its domain state only: the framework gives it its id, version and timestamps
 *       from the event's envelope once the mutator returns.</li>
 *   <li>For any later event it receives the aggregate, changes it in place and returns that same
 *       instance.</li>
 *   <li>For an event that discards the aggregate it returns {@code null}; declare such events with
 *       {@link AggregateType.Builder#discardedBy}.</li>
 * </ul>
 *
 * <p>The same mutator applies live commands and replays stored history: one source of truth. The
 * framework checks ids and versions and keeps the bookkeeping itself; a mutator only changes domain
 * state. It runs once per event on every load, so keep it cheap: an {@code instanceof} chain on Java
 * 17, or an exhaustive {@code switch} over the sealed event interface on Java 21 and later. A
 * mutator that needs an event's timestamp or metadata is an {@link EnvelopeMutator}.
 *
 * @param <A> the aggregate type
 * @param <E> the aggregate's event type, a sealed interface
 */
@FunctionalInterface
public interface Mutator<A extends AggregateRoot<A, E>, E> {

    /**
     * Applies one event.
     *
     * @param aggregate the current state, or {@code null} when {@code event} creates the aggregate
     * @param event the event to apply; never null
     * @return the aggregate after the event (the same instance it was given, or a new one for a
     *     creation event), or {@code null} if the event discards it
     */
    A apply(A aggregate, E event);
}
