package io.eventum.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.ReadConcern;
import com.mongodb.ReadPreference;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.EventBatches;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.Tracking;
import io.eventum.application.store.TrackingConflictException;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends commits, each as one insert, and gives them their global positions.
 *
 * <h2>How positions are taken</h2>
 * A commit's {@code _id} is the position of its first event; its i-th event is at {@code _id + i}.
 * The next commit goes at the last commit's {@code _id} plus its event count (plus one for a commit
 * without events), so commits hold disjoint, increasing ranges. The position is claimed by the
 * insert itself: if another writer took it first, the insert fails on the unique {@code _id} and
 * the writer reads the newest commit and tries again after it.
 *
 * <p>Why a tailing reader never misses an event: a writer only ever tries the position right
 * after a commit it has seen stored (or 1 on an empty store). Its insert succeeds only if that
 * position is free, and every commit above it would have been chained to it, so at that moment no
 * commit exists above it: commit order is {@code _id} order, and a position exists only once its
 * commit is stored. No gap tokens, no transactions, one document per append.
 *
 * <p>The cost: commits are serialized across all writers, one at a time per server round trip.
 * Threads of one store instance queue on a lock instead of colliding at the server, and the store
 * remembers where its last commit ended, so a lone writer pays one round trip per append; writers
 * in other processes cost a failed insert plus one read per collision.
 */
final class Appender {

    /** A writer that keeps losing the race is told so rather than spinning forever. */
    private static final int MAX_ATTEMPTS = 1_000;
    /** How long a thread waits for the other appends of this store instance before it gives up. */
    private static final long LOCK_WAIT_SECONDS = 60;

    private final MongoCollection<RawBsonDocument> commits;
    private final String namespace;
    private final ReentrantLock lock = new ReentrantLock();
    private final LongAdder inserts = new LongAdder();
    private final LongAdder collisions = new LongAdder();
    /** Where the next commit goes if no other writer got there first; 0 when not known. Guarded by {@link #lock}. */
    private long next;

    /** Reads on the write path see the primary's own latest state: a stale newest commit only costs collisions. */
    private final MongoCollection<BsonDocument> primary;

    Appender(MongoCollection<RawBsonDocument> commits, String namespace) {
        this.commits = commits;
        this.namespace = namespace;
        this.primary = commits.withDocumentClass(BsonDocument.class)
                .withReadPreference(ReadPreference.primary()).withReadConcern(ReadConcern.LOCAL);
    }

    List<Long> append(List<EventRecord> events, Tracking tracking) {
        EventBatches.requireValid(events, tracking);
        CommitEncoder.EncodedCommit commit = CommitEncoder.encode(events, tracking);
        acquireLock(events.size());
        try {
            long position = next > 0 ? next : nextFreePosition();
            for (int attempt = 1; ; attempt++) {
                try {
                    inserts.increment();
                    commits.insertOne(commit.at(position));
                    next = position + Math.max(commit.eventCount(), 1);
                    return positions(position, commit.eventCount());
                } catch (MongoWriteException e) {
                    if (!Failures.isDuplicateKey(e)) {
                        throw e;
                    }
                    throwIfConflict(e, commit, tracking);
                    collisions.increment();
                    if (attempt == MAX_ATTEMPTS) {
                        throw new EventStoreException("MongoDB store " + namespace + ": appending " + events.size()
                                + " events lost the race for a position " + MAX_ATTEMPTS + " times in a row; nothing was stored");
                    }
                    position = nextFreePosition();
                }
            }
        } catch (MongoException e) {
            next = 0;
            throw Failures.of(namespace, "appending " + events.size() + " events", e, true);
        } finally {
            lock.unlock();
        }
    }

    /** Inserts attempted, and how many of them lost the race for their position (for measurements). */
    long[] counters() {
        return new long[] {inserts.sum(), collisions.sum()};
    }

    private void acquireLock(int eventCount) {
        try {
            if (!lock.tryLock(LOCK_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new EventStoreException("MongoDB store " + namespace + ": appending " + eventCount + " events waited "
                        + LOCK_WAIT_SECONDS + " s for this store's other appends, which are stuck (is the server reachable?); nothing was stored");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("MongoDB store " + namespace + ": interrupted while waiting to append; nothing was stored", e);
        }
    }

    /** The position after the newest commit: the chain's only free slot. */
    private long nextFreePosition() {
        BsonDocument newest = primary.find(Filters.gt(Layout.ID, 0L))
                .projection(Projections.include(Layout.ID, Layout.LAST))
                .sort(Sorts.descending(Layout.ID))
                .limit(1)
                .first();
        if (newest == null) {
            return 1;
        }
        BsonValue last = newest.get(Layout.LAST);
        return (last != null && last.isNumber() ? last.asNumber().longValue() : newest.get(Layout.ID).asNumber().longValue()) + 1;
    }

    /**
     * Throws the conflict a duplicate key stands for; returns if only the position was taken. The
     * server names the index and quotes the key in its message; when a server words it otherwise,
     * follow-up queries find which key is stored (stored commits are never removed, so they stay found).
     */
    private void throwIfConflict(MongoWriteException e, CommitEncoder.EncodedCommit commit, Tracking tracking) {
        String index = Failures.duplicateIndex(e).orElse("");
        if (index.equals("_id_")) {
            return;
        }
        boolean known = index.equals(Layout.KEYS_INDEX) || index.equals(Layout.TRACKING_INDEX);
        if (!known && !index.isEmpty()) {
            throw new EventStoreException("MongoDB store " + namespace + ": an append hit a duplicate key in index "
                    + index + ", which this store does not create; nothing was stored", e);
        }
        // The tracking conflict wins: a follower that processed this position before wrote these
        // events too, and must learn that it has already processed it.
        if (tracking != null && (index.equals(Layout.TRACKING_INDEX) || isStored(tracking))) {
            throw new TrackingConflictException(tracking.follower(), tracking.position(), e);
        }
        if (!index.equals(Layout.TRACKING_INDEX) && !commit.keys().isEmpty()) {
            Optional<String> key = Failures.duplicateEventKey(e).filter(commit.keys()::contains).or(() -> storedKey(commit.keys()));
            if (key.isPresent()) {
                throw new ConcurrencyConflictException(Layout.keyAggregate(key.get()), Layout.keyVersion(key.get()), e);
            }
        }
        if (known) {
            throw new EventStoreException("MongoDB store " + namespace + ": an append hit a duplicate key in index " + index
                    + " but no stored commit holds it; nothing was stored", e);
        }
    }

    private boolean isStored(Tracking tracking) {
        return primary.find(Filters.and(Filters.eq(Layout.TRACKING + "." + Layout.FOLLOWER, tracking.follower()),
                Filters.eq(Layout.TRACKING + "." + Layout.POSITION, tracking.position())))
                .projection(Projections.include(Layout.ID)).first() != null;
    }

    /** The first of the batch's keys that is already stored: a follow-up query when the error does not quote it. */
    private Optional<String> storedKey(List<String> keys) {
        BsonDocument holder = primary.find(Filters.in(Layout.KEYS, keys)).projection(Projections.include(Layout.KEYS)).first();
        if (holder == null) {
            return Optional.empty();
        }
        List<String> stored = holder.getArray(Layout.KEYS).stream().map(value -> value.asString().getValue()).toList();
        return keys.stream().filter(stored::contains).findFirst();
    }

    private static List<Long> positions(long first, int count) {
        List<Long> positions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            positions.add(first + i);
        }
        return positions;
    }
}
