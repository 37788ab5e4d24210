package io.eventum.store.jpa;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.SnapshotStore;
import io.eventum.application.store.StoredEvent;
import io.eventum.application.store.Tracking;
import io.eventum.application.store.TrackingConflictException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An {@link EventStore} and {@link SnapshotStore} in a relational database, through Jakarta
 * Persistence 3.2 and Hibernate 7. Tested on PostgreSQL and H2. One instance serves many threads.
 *
 * <p>Build it with {@link #builder()}, in one of two ways:
 * <pre>{@code
 * // 1. From a JDBC URL: the store builds its own HikariCP pool and EntityManagerFactory,
 * //    and closes both in close().
 * JpaEventStore store = JpaEventStore.builder()
 *         .jdbcUrl("jdbc:postgresql://db/app", "app", secret)
 *         .build();
 *
 * // 2. From the application's EntityManagerFactory (Spring, Jakarta EE): the store never closes it.
 * //    Given the current EntityManager, an append joins the transaction open on it, so a read
 * //    model and the events commit together; with no transaction open, the store runs its own.
 * JpaEventStore store = JpaEventStore.builder()
 *         .entityManagerFactory(emf)
 *         .currentEntityManager(() -> sharedEntityManager)
 *         .build();
 * }</pre>
 *
 * <h2>How the guarantees are kept</h2>
 * <ul>
 *   <li><b>Atomic append</b>: on PostgreSQL all the events are one statement, atomic by itself: run
 *       in auto-commit mode when the store runs alone (one round trip), with a tracking record in a
 *       transaction, in a caller's transaction under a savepoint; elsewhere one transaction with the
 *       events in one JDBC batch. Any failure rolls it back whole.</li>
 *   <li><b>Optimistic concurrency</b>: the primary key (aggregate_id, version) rejects a version
 *       already stored; the store then finds which event of the batch it was and throws
 *       {@link ConcurrencyConflictException} naming it.</li>
 *   <li><b>No reader skips an event</b>: on PostgreSQL a position is the appending transaction's
 *       id times 2^20 plus the event's number in that transaction, and {@link #readAll} and
 *       {@link #lastPosition} see only positions below the oldest transaction still in progress:
 *       appends never wait for each other, and readers wait for slower writers instead of skipping
 *       them. Positions have large gaps. On H2 a one-row counter table, incremented inside the
 *       append's transaction and row-locked until it commits, hands out positions one after
 *       another, without gaps.</li>
 *   <li><b>Streaming reads</b>: pages of at most the fetch size, each one query (keyset paging),
 *       outside any transaction when the store runs alone; each row mapped straight to a
 *       {@link StoredEvent}; no entities, no list of the whole stream.</li>
 * </ul>
 *
 * <p>The tables (see {@code io/eventum/store/jpa/schema-postgresql.sql} and {@code schema-h2.sql}
 * in this jar) are created only when asked with {@link JpaEventStoreBuilder#createSchema(boolean)},
 * which writes nothing when they all exist. Snapshots: the newest per aggregate is kept. Timestamps
 * are stored at microsecond precision, truncated. Payloads and metadata are stored as JSON values
 * ({@code jsonb} on PostgreSQL, {@code JSON} on H2): they read back as equal JSON objects, with keys
 * in the database's order.
 *
 * <p><b>On a read-only replica</b> (a PostgreSQL hot standby): reads, {@link #readAll} and
 * {@link #lastPosition} included, work, so followers may tail a replica; appends, snapshot saves
 * and tracking records fail with an {@link EventStoreException} saying that the database is
 * read-only and nothing was stored. Writes go to the primary.
 */
public final class JpaEventStore implements EventStore, SnapshotStore {

    private final Transactions transactions;
    private final EventWriter writer;
    private final EventReader reader;
    private final SnapshotRows snapshots;
    private final AutoCloseable owned;
    private final AtomicBoolean closed = new AtomicBoolean();

    JpaEventStore(Transactions transactions, int fetchSize, AutoCloseable owned) {
        this.transactions = transactions;
        this.writer = new EventWriter(transactions);
        this.reader = new EventReader(transactions, fetchSize);
        this.snapshots = new SnapshotRows(transactions);
        this.owned = owned;
    }

    /** A builder for a store; see the class documentation for the two ways to configure it. */
    public static JpaEventStoreBuilder builder() {
        return new JpaEventStoreBuilder();
    }

    /** Creates what is missing of the store's tables; what {@link JpaEventStoreBuilder#createSchema(boolean)} runs. */
    void createSchema() {
        Schema.create(transactions);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Runs in the caller's transaction when one is open on the current EntityManager (under a
     * savepoint, released on success and rolled back on failure, so the caller's transaction stays
     * usable after a conflict); otherwise on its own: on PostgreSQL one statement in auto-commit mode
     * (one round trip), with a tracking record or on H2 a transaction. On PostgreSQL appends never
     * wait for each other, but readers by position wait for an open append's transaction to end; on
     * H2 other appends wait for it. Either way, keep joined transactions short.
     *
     * @throws ConcurrencyConflictException naming the first event of the batch, in batch order,
     *     whose (aggregate id, version) is already stored; nothing is stored
     * @throws TrackingConflictException if the tracking record is already stored (checked before
     *     the events); nothing is stored
     * @throws IllegalArgumentException if the batch is invalid, or the database refuses a value of
     *     it as invalid data (the message says what kind of value, and repeats at most a few hundred
     *     characters of the database's own message); nothing is stored
     * @throws EventStoreException if the database cannot be reached, a table is missing (named in
     *     the message), the database is read-only (a replica, or read-only mode: the message says
     *     so; appends need the primary), or the database fails; nothing is stored. If the
     *     connection is lost while committing, the message says that the outcome is unknown.
     */
    @Override
    public List<Long> append(List<EventRecord> events, Tracking tracking) {
        ensureOpen();
        return writer.append(events, tracking);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads through a cursor with the configured fetch size, in a read transaction of its own or
     * in the caller's; the rows are mapped one by one as the consumer takes them.
     */
    @Override
    public void read(UUID aggregateId, AggregateQuery query, Consumer<? super StoredEvent> action) {
        requireArgument(aggregateId, "aggregate id");
        requireArgument(query, "query");
        requireArgument(action, "action");
        ensureOpen();
        reader.read(aggregateId, query, action);
    }

    /**
     * {@inheritDoc}
     *
     * <p>On PostgreSQL only positions below the oldest transaction still in progress are read: a
     * page may stop short of events that have committed after a slower transaction began writing,
     * until that transaction ends. Inside a caller's transaction its own uncommitted events are not
     * read by position.
     */
    @Override
    public List<StoredEvent> readAll(GlobalQuery query) {
        requireArgument(query, "query");
        ensureOpen();
        return reader.readAll(query);
    }

    /**
     * {@inheritDoc}
     *
     * <p>On PostgreSQL: the highest position a reader can read now (below the oldest transaction
     * still in progress), so a reader asking for every event up to it gets them all.
     */
    @Override
    public long lastPosition() {
        ensureOpen();
        return reader.lastPosition();
    }

    /** {@inheritDoc} */
    @Override
    public long trackedPosition(String follower) {
        Tracking.requireFollower(follower);
        ensureOpen();
        return reader.trackedPosition(follower);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The store keeps one snapshot per aggregate, the newest: saving replaces it when the new
     * version is at least the stored one. Joins the caller's transaction like {@link #append}, so a
     * snapshot of a state whose events are rolled back is rolled back too. On a read-only database
     * (a replica) it fails with an {@link EventStoreException} saying so, and stores nothing.
     */
    @Override
    public void save(SnapshotRecord snapshot) {
        requireArgument(snapshot, "snapshot");
        ensureOpen();
        snapshots.save(snapshot);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Since only the newest snapshot is kept, asking for a version below it finds none.
     */
    @Override
    public Optional<SnapshotRecord> latest(UUID aggregateId, long version) {
        requireArgument(aggregateId, "aggregate id");
        if (version < 1) {
            throw new IllegalArgumentException("aggregate " + aggregateId + ": snapshot version must be at least 1, was " + version);
        }
        ensureOpen();
        return snapshots.latest(aggregateId, version);
    }

    /**
     * Closes the pool and EntityManagerFactory the store built from a JDBC URL. A factory passed to
     * the builder is left open: its owner closes it. Idempotent; the store is unusable afterwards.
     */
    @Override
    public void close() {
        if (closed.getAndSet(true) || owned == null) {
            return;
        }
        try {
            owned.close();
        } catch (Exception e) {
            throw new EventStoreException("closing the store's connection pool failed: " + e.getMessage(), e);
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("this JpaEventStore is closed");
        }
    }

    private static void requireArgument(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null");
        }
    }
}
