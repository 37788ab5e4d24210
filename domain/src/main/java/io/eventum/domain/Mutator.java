package io.eventum.domain;

/**
 * The mutator function of an aggregate: given the current state (or {@code null} before the
 * aggregate exists) and one event, it returns the next state.
 *
 * <ul>
 *   <li>For the aggregate's creation event it receives {@code null} and returns the new
 *       aggregate.</li>
 *   <li>For any later event it receives the aggregate, changes it in place and returns that same
 *       instance.</li>
 *   <li>For the event that discards the aggregate it returns {@code null}.</li>
 * </ul>
 *
 * <p>The framework checks ids and versions and keeps {@code version} and {@code lastModifiedOn}
 * itself (see {@link AggregateRoot#mutate}); a mutator only changes domain state. It is called
 * once per event on every load, so keep it cheap: an {@code instanceof} chain on Java 17, or an
 * exhaustive {@code switch} over a sealed event interface on Java 21 and later.
 *
 * @param <A> the aggregate type
 * @param <E> the aggregate's event type, usually a sealed interface
 */
@FunctionalInterface
public interface Mutator<A extends AggregateRoot<A, E>, E extends DomainEvent> {

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
