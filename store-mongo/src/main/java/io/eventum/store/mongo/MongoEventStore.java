package io.eventum.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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
import org.bson.RawBsonDocument;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * An {@link EventStore} and {@link SnapshotStore} on MongoDB, atomic without multi-document
 * transactions: it works the same on a standalone server, a replica set and (unsharded
 * collections) a sharded cluster.
 *
 * <pre>{@code
 * try (MongoEventStore store = MongoEventStore.builder()
 *         .connectionString("mongodb://localhost:27017/?w=majority")
 *         .database("shop")
 *         .collectionPrefix("orders_")
 *         .build()) {
 *     store.append(records);
 * }
 * }</pre>
 *
 * <h2>How it keeps the port's guarantees</h2>
 * <ul>
 *   <li><b>Atomic batches.</b> One append is one insert of one <em>commit document</em> holding the
 *       batch's events (of any number of aggregates) and the tracking record: MongoDB writes a single
 *       document atomically, so a batch is stored whole or not at all.</li>
 *   <li><b>Optimistic concurrency.</b> Each commit carries one key per event,
 *       {@code "<aggregate id>:<version>"}, under a unique index: any (aggregate, version) stored
 *       before, in whatever batch, fails the insert with {@link ConcurrencyConflictException}.</li>
 *   <li><b>Order.</b> Reads by aggregate stream its commits in commit order through an index and check
 *       that versions follow; see the README for the rare appends that are not in version order.</li>
 *   <li><b>Global position.</b> A commit's {@code _id} is the position of its first event, claimed by
 *       the insert right after the newest commit, so commits become visible in position order and a
 *       tailing reader never misses one. Appends are serialized across all writers, one server round
 *       trip each; threads of one instance queue on a lock.</li>
 *   <li><b>Tracking.</b> The tracking record is a field of the same commit document, under a unique
 *       index on (follower, position): {@link TrackingConflictException}.</li>
 * </ul>
 *
 * <p>Payloads are stored as BSON sub-documents a user can read and query in mongosh, and come back
 * as an equal JSON object: the very bytes the codec wrote, compact JSON for other spellings (JSON
 * that BSON cannot hold without loss is kept as a string, exactly as given).
 * Timestamps are a BSON date plus the nanoseconds within its millisecond, so they come back exactly.
 *
 * <p>Indexes are created, idempotently, when the store is built. Thread-safe. Driver failures
 * surface as {@link EventStoreException} naming the operation.
 */
public final class MongoEventStore implements EventStore, SnapshotStore {

    private final MongoClient client;
    private final boolean ownsClient;
    private final Appender appender;
    private final AggregateReader aggregates;
    private final GlobalReader global;
    private final SnapshotCollection snapshots;
    private final String namespace;
    private volatile boolean closed;

    MongoEventStore(MongoClient client, boolean ownsClient, String database, String prefix, int batchSize, int snapshotsKept) {
        this.client = client;
        this.ownsClient = ownsClient;
        MongoDatabase db = client.getDatabase(database);
        MongoCollection<RawBsonDocument> commits = db.getCollection(prefix + Layout.COMMITS, RawBsonDocument.class);
        this.namespace = database + "." + prefix + Layout.COMMITS;
        if (!commits.getWriteConcern().isAcknowledged()) {
            throw new IllegalArgumentException("MongoDB store " + namespace + ": the client's write concern is unacknowledged (w=0), "
                    + "so conflicts and lost races would go unseen; use w=1 or w=majority");
        }
        MongoCollection<RawBsonDocument> snapshotCollection = db.getCollection(prefix + Layout.SNAPSHOTS, RawBsonDocument.class);
        Schema.create(commits, snapshotCollection, namespace);
        CommitReader reader = new CommitReader(namespace);
        this.appender = new Appender(commits, namespace);
        this.aggregates = new AggregateReader(commits, reader, namespace, batchSize);
        this.global = new GlobalReader(commits, reader, namespace, batchSize);
        this.snapshots = new SnapshotCollection(snapshotCollection, database + "." + prefix + Layout.SNAPSHOTS, snapshotsKept);
    }

    /**
     * A builder: give it a connection string or a client, and a database name.
     *
     * @return a new builder
     */
    public static MongoEventStoreBuilder builder() {
        return new MongoEventStoreBuilder();
    }

    /**
     * Appends the batch as one commit document, in one insert (more only if another writer took the
     * position first). Positions are consecutive within the batch.
     *
     * @throws IllegalArgumentException if the batch is invalid, a payload is not well-formed JSON, or
     *     the batch exceeds MongoDB's 16 MiB document limit; nothing is stored
     * @throws ConcurrencyConflictException naming the first (aggregate, version) found stored; nothing is stored
     * @throws TrackingConflictException if the follower already recorded this position; nothing is stored
     * @throws EventStoreException if the server cannot be reached or fails; if the connection broke after
     *     the insert was sent, the message says so, and the commit may be stored (whole)
     */
    @Override
    public List<Long> append(List<EventRecord> events, Tracking tracking) {
        requireOpen();
        return appender.append(events, tracking);
    }

    /**
     * Streams the aggregate's events from a cursor, in the query's order; see {@link EventStore#read}.
     *
     * @throws EventStoreException if the server fails, or a stored event was edited so that it no
     *     longer decodes (the message names the commit, aggregate, version, type and field)
     */
    @Override
    public void read(UUID aggregateId, AggregateQuery query, Consumer<? super StoredEvent> action) {
        requireOpen();
        requireArgument(aggregateId, "aggregate id");
        requireArgument(query, "query");
        requireArgument(action, "action");
        aggregates.read(aggregateId, query, action);
    }

    /**
     * One page of events by position; see {@link EventStore#readAll}. For tailing on a replica set,
     * read with read concern {@code majority} (see the README).
     *
     * @throws EventStoreException if the server fails or a stored event does not decode
     */
    @Override
    public List<StoredEvent> readAll(GlobalQuery query) {
        requireOpen();
        requireArgument(query, "query");
        return global.readAll(query);
    }

    /** {@inheritDoc} One indexed query. */
    @Override
    public long lastPosition() {
        requireOpen();
        return global.lastPosition();
    }

    /** {@inheritDoc} One indexed query. */
    @Override
    public long trackedPosition(String follower) {
        requireOpen();
        Tracking.requireFollower(follower);
        return global.trackedPosition(follower);
    }

    /**
     * Stores the snapshot (the same aggregate and version replaces it), then drops the aggregate's
     * snapshots beyond the newest few ({@link MongoEventStoreBuilder#snapshotsKept}, 3 by default):
     * an upsert, a query, and a delete when there is something to drop.
     *
     * @throws IllegalArgumentException if the snapshot is null or its state is not well-formed JSON
     * @throws EventStoreException if the server fails
     */
    @Override
    public void save(SnapshotRecord snapshot) {
        requireOpen();
        requireArgument(snapshot, "snapshot");
        snapshots.save(snapshot);
    }

    /**
     * The aggregate's newest kept snapshot at or below {@code version}; empty if there is none, including
     * when older ones were dropped. One indexed query.
     *
     * @throws IllegalArgumentException if the id is null or the version below 1
     * @throws EventStoreException if the server fails or the snapshot document does not decode
     */
    @Override
    public Optional<SnapshotRecord> latest(UUID aggregateId, long version) {
        requireOpen();
        requireArgument(aggregateId, "aggregate id");
        if (version < 1) {
            throw new IllegalArgumentException("aggregate " + aggregateId + ": snapshot version must be at least 1, was " + version);
        }
        return snapshots.latest(aggregateId, version);
    }

    /**
     * Closes the client if the store created it from a connection string; a client passed in stays
     * open. Idempotent; afterwards every other method throws {@link IllegalStateException}.
     */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (ownsClient) {
                client.close();
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("MongoDB store " + namespace + " is closed");
        }
    }

    /** Inserts tried and how many lost the race for their position; for contention measurements. */
    long[] appendCounters() {
        return appender.counters();
    }

    private static void requireArgument(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null");
        }
    }
}
