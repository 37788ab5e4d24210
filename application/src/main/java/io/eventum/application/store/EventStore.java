package io.eventum.application.store;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The port every event store adapter implements: it appends serialized events atomically and
 * reads them back, by aggregate and globally by position. One instance serves many threads.
 *
 * <h2>Guarantees</h2>
 * <ol>
 *   <li><b>Atomic batch append.</b> All events of one {@link #append} call are stored, or none is.
 *       A batch may hold events of several aggregates.</li>
 *   <li><b>Optimistic concurrency.</b> If any event's (aggregate id, version) is already stored,
 *       the whole append fails with {@link ConcurrencyConflictException} and stores nothing,
 *       however earlier batches were split. The store stays usable afterwards.</li>
 *   <li><b>Order.</b> Reads by aggregate return events in version order, exactly as written:
 *       every field equal, the payload an equal JSON object (a JSON column may reorder keys or
 *       whitespace), timestamps at microsecond precision.</li>
 *   <li><b>Global position.</b> Every stored event gets a unique position, and readers by position
 *       see events in increasing positions as they commit: a reader that has read up to position p
 *       never later sees a new event at a position at or below p, even under concurrent writers.
 *       A store may number events before they commit (PostgreSQL numbers them by transaction) and
 *       then hold a committed event back from readers by position until every append that may
 *       still commit below it has ended. Positions may have gaps.</li>
 *   <li><b>Exactly-once tracking.</b> An append may carry a {@link Tracking} record; it is stored
 *       atomically with the events, and a second append of the same follower and position fails
 *       with {@link TrackingConflictException} and stores nothing. When both the tracking record
 *       and an event conflict, the tracking conflict is reported: the follower has already
 *       processed that position.</li>
 *   <li><b>Bad input fails fast</b> with {@link IllegalArgumentException} naming what was wrong, and
 *       writes nothing. Infrastructure failures surface as {@link EventStoreException}: a store that
 *       cannot be reached as {@link StoreUnavailableException} (transient), a stored event that
 *       cannot be read as {@link CorruptStoredEventException} (permanent, naming it).</li>
 *   <li><b>Values kept exactly.</b> What an append accepts, a read returns equal; what not every
 *       store could keep exactly is refused before any store sees it, by the rules of
 *       {@link StoredValues}, the same way on every store.</li>
 * </ol>
 *
 * <p>A store checks that (aggregate id, version) pairs are unique and that each aggregate's events
 * within one batch have consecutive versions; it does not check that a batch continues exactly
 * where the stored stream ends. Repositories ensure that, through {@code AggregateRoot}.
 *
 * <p>Payload arrays handed in or out are never modified by the store, and must not be modified by
 * callers. After {@link #close()}, every other method throws {@link IllegalStateException}; closing
 * again does nothing.
 */
public interface EventStore extends AutoCloseable {

    /**
     * Appends a batch of events atomically.
     *
     * @param events the events, in the order they happened; not empty
     * @return the global position assigned to each event, in the order of {@code events}
     * @throws IllegalArgumentException if the batch is null or empty, holds a null, repeats an
     *     (aggregate id, version), or has non-consecutive versions for one aggregate; nothing is stored
     * @throws ConcurrencyConflictException if an (aggregate id, version) is already stored; nothing is stored
     * @throws EventStoreException if the store cannot be reached or fails; nothing is stored
     */
    default List<Long> append(List<EventRecord> events) {
        EventBatches.requireNotEmpty(events);
        return append(events, null);
    }

    /**
     * Appends a batch of events atomically together with a follower's tracking record.
     *
     * @param events the events, in the order they happened; may be empty when {@code tracking} is given
     * @param tracking the follower's position to record with the events, or {@code null} for none
     * @return the global position assigned to each event, in the order of {@code events}
     * @throws IllegalArgumentException if the batch is invalid (see {@link #append(List)}), or empty
     *     without tracking; nothing is stored
     * @throws ConcurrencyConflictException if an (aggregate id, version) is already stored; nothing is stored
     * @throws TrackingConflictException if this follower has already recorded this position; nothing is stored
     * @throws EventStoreException if the store cannot be reached or fails; nothing is stored
     */
    List<Long> append(List<EventRecord> events, Tracking tracking);

    /**
     * Reads one aggregate's events and hands each to {@code action}, in the query's order, without
     * holding the whole stream in memory. An unknown aggregate yields no events. Resources are
     * released before this method returns or throws, including when {@code action} throws.
     *
     * @param aggregateId the aggregate id
     * @param query the version bounds, direction and limit
     * @param action receives each event in turn; what it throws propagates unchanged
     * @throws IllegalArgumentException if the id or query is null
     * @throws EventStoreException if the store cannot be reached or fails
     */
    void read(UUID aggregateId, AggregateQuery query, Consumer<? super StoredEvent> action);

    /**
     * Reads one aggregate's events into a list, in the query's order; empty for an unknown
     * aggregate. For long streams prefer {@link #read(UUID, AggregateQuery, Consumer)}.
     *
     * @throws IllegalArgumentException if the id or query is null
     * @throws EventStoreException if the store cannot be reached or fails
     */
    default List<StoredEvent> read(UUID aggregateId, AggregateQuery query) {
        List<StoredEvent> events = new ArrayList<>();
        read(aggregateId, query, events::add);
        return events;
    }

    /**
     * Reads events of all aggregates in ascending position order, within the query's bounds and
     * type filter, at most {@code query.limit()} of them. Once a reader has seen position p, no
     * event at or below p can appear later.
     *
     * @throws IllegalArgumentException if the query is null
     * @throws EventStoreException if the store cannot be reached or fails
     */
    List<StoredEvent> readAll(GlobalQuery query);

    /**
     * The highest position a reader by position can read now: that of the last stored event, except
     * on a store that holds committed events back while an earlier append is still in flight (see
     * guarantee 4), where it is the highest below that. 0 when nothing is readable.
     *
     * @throws EventStoreException if the store cannot be reached or fails
     */
    long lastPosition();

    /**
     * The highest position {@code follower} has recorded with {@link #append(List, Tracking)}; 0 if none.
     *
     * @throws IllegalArgumentException if the follower name is null or blank
     * @throws EventStoreException if the store cannot be reached or fails
     */
    long trackedPosition(String follower);

    /**
     * Releases what the store owns (connections, pools, clients it created). Idempotent; afterwards
     * every other method throws {@link IllegalStateException}.
     */
    @Override
    void close();
}
