package io.eventum.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UnwindOptions;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.StoredEvent;
import org.bson.BsonBinary;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads one aggregate's events, which live inside commit documents next to other aggregates'.
 *
 * <h2>The fast path: commit order</h2>
 * Index {@code {events.aggregateId: 1, _id: 1}} lists the aggregate's commits in commit order, in
 * either direction, without a sort. When each append continues the stream, as repositories make it,
 * commit order is version order, and the read streams the commits from a cursor, taking the
 * aggregate's events out of each. A read from a version ({@code after > 0}, or {@code upTo} when
 * descending) first looks up the commit holding that version through the unique key index, and
 * starts the cursor there.
 *
 * <h2>Checking, and the sorted path</h2>
 * The store does not require appends to continue the stream: a caller may store version 5 before
 * versions 1 to 4. So the read checks what it streams: each event must follow the previous one
 * exactly; where the versions jump (or where the first or last event read is not at the query's
 * bound) one index probe asks whether an event in the jump exists elsewhere. If none does, the
 * jump is a real gap and streaming goes on; if one does, commit order is not version order for this
 * aggregate, and the rest of the read runs as an aggregation that unwinds the events and sorts them
 * by version on the server. Events already handed out are all below the jump and stay correct.
 */
final class AggregateReader {

    private final MongoCollection<RawBsonDocument> commits;
    private final CommitReader reader;
    private final String namespace;
    private final int batchSize;

    AggregateReader(MongoCollection<RawBsonDocument> commits, CommitReader reader, String namespace, int batchSize) {
        this.commits = commits;
        this.reader = reader;
        this.namespace = namespace;
        this.batchSize = batchSize;
    }

    void read(UUID id, AggregateQuery query, Consumer<? super StoredEvent> action) {
        if (query.afterVersion() >= query.upToVersion()) {
            return;
        }
        if (query.descending()) {
            descending(id, query.afterVersion(), query.upToVersion(), query.limit(), action);
        } else {
            ascending(id, query.afterVersion(), query.upToVersion(), query.limit(), action);
        }
    }

    private void ascending(UUID id, long after, long upTo, int limit, Consumer<? super StoredEvent> action) {
        Long from = null;
        if (after > 0) {
            from = commitHolding(id, after + 1);
            if (from == null) {
                if (anyBetween(id, after, upTo)) {
                    sorted(id, after, upTo, false, limit, action);
                }
                return;
            }
        }
        byte[] idBytes = CommitReader.idBytes(id);
        long expected = after + 1;
        int emitted = 0;
        Bson filter = from == null ? ofAggregate(id) : Filters.and(ofAggregate(id), Filters.gte(Layout.ID, from));
        boolean outOfOrder = false;
        try (Failures.Cursor<RawBsonDocument> cursor = open(filter, true, limit)) {
            commits:
            while (cursor.hasNext()) {
                CommitReader.Commit commit = reader.commit(cursor.next());
                for (CommitReader.Event event : commit.events()) {
                    if (!event.isOf(idBytes)) {
                        continue;
                    }
                    long version = event.version();
                    if (version < expected) {
                        continue;
                    }
                    if (version > expected || version > upTo) {
                        if (anyBetween(id, expected - 1, Math.min(version - 1, upTo))) {
                            outOfOrder = true;
                            break commits;
                        }
                        if (version > upTo) {
                            return;
                        }
                    }
                    action.accept(event.decode());
                    expected = version + 1;
                    if (++emitted == limit || version == upTo) {
                        return;
                    }
                }
            }
        }
        // Out of order; or the cursor started at the commit holding `after + 1` and an older one may hold the rest.
        if (outOfOrder || from != null && anyBetween(id, expected - 1, upTo)) {
            sorted(id, expected - 1, upTo, false, limit - emitted, action);
        }
    }

    private void descending(UUID id, long after, long upTo, int limit, Consumer<? super StoredEvent> action) {
        Long to = upTo == Long.MAX_VALUE ? null : commitHolding(id, upTo);
        byte[] idBytes = CommitReader.idBytes(id);
        // Until the first event is checked, `expected` is only the bound: the newest commit's last
        // event need not be the aggregate's highest version.
        boolean checked = to != null;
        long expected = upTo;
        int emitted = 0;
        Bson filter = to == null ? ofAggregate(id) : Filters.and(ofAggregate(id), Filters.lte(Layout.ID, to));
        boolean outOfOrder = false;
        try (Failures.Cursor<RawBsonDocument> cursor = open(filter, false, limit)) {
            List<CommitReader.Event> mine = new ArrayList<>();
            commits:
            while (cursor.hasNext()) {
                CommitReader.Commit commit = reader.commit(cursor.next());
                mine.clear();
                for (CommitReader.Event event : commit.events()) {
                    if (event.isOf(idBytes)) {
                        mine.add(event);
                    }
                }
                // Within a commit an aggregate's events are in ascending order: walk them backwards.
                for (int i = mine.size() - 1; i >= 0; i--) {
                    CommitReader.Event event = mine.get(i);
                    long version = event.version();
                    if (version > expected) {
                        continue;
                    }
                    if (version < expected || !checked) {
                        long jumpStart = Math.max(version, after);
                        if (jumpStart < expected && anyBetween(id, jumpStart, expected)) {
                            outOfOrder = true;
                            break commits;
                        }
                        checked = true;
                        if (version <= after) {
                            return;
                        }
                    }
                    action.accept(event.decode());
                    expected = version - 1;
                    if (++emitted == limit || expected == after) {
                        return;
                    }
                }
            }
        }
        // Out of order; or the cursor started at the commit holding `upTo` and a newer one may hold the rest.
        if (outOfOrder || to != null && anyBetween(id, after, expected)) {
            sorted(id, after, expected, true, limit - emitted, action);
        }
    }

    /**
     * The rest of a read whose versions are not in commit order: unwind the aggregate's events in
     * {@code (after, upTo]}, sort them by version on the server, and stream them.
     */
    private void sorted(UUID id, long after, long upTo, boolean descending, int limit, Consumer<? super StoredEvent> action) {
        if (limit <= 0) {
            return;
        }
        String events = "$" + Layout.EVENTS;
        List<Bson> pipeline = List.of(
                Aggregates.match(keysBetween(id, after, upTo)),
                Aggregates.project(Projections.include(Layout.EVENTS)),
                Aggregates.unwind(events, new UnwindOptions().includeArrayIndex(CommitReader.UNWOUND_INDEX)),
                Aggregates.match(Filters.and(
                        Filters.eq(Layout.EVENTS + "." + Layout.AGGREGATE_ID, new BsonBinary(id)),
                        Filters.gt(Layout.EVENTS + "." + Layout.VERSION, after),
                        Filters.lte(Layout.EVENTS + "." + Layout.VERSION, upTo))),
                Aggregates.sort(descending ? Sorts.descending(Layout.EVENTS + "." + Layout.VERSION)
                        : Sorts.ascending(Layout.EVENTS + "." + Layout.VERSION)),
                Aggregates.limit(limit));
        try (Failures.Cursor<RawBsonDocument> cursor = Failures.cursor(namespace, "reading aggregate " + id + " in version order",
                () -> commits.aggregate(pipeline).allowDiskUse(true).batchSize(Math.min(limit, batchSize)).cursor())) {
            while (cursor.hasNext()) {
                action.accept(reader.unwound(cursor.next()).decode());
            }
        }
    }

    private Failures.Cursor<RawBsonDocument> open(Bson filter, boolean ascending, int limit) {
        // A limited read needs about `limit` commits, plus the one it starts in: fetch no more than that at first.
        int firstBatch = (int) Math.min(batchSize, limit + 2L);
        return Failures.cursor(namespace, "reading an aggregate's commits", () -> commits.find(filter)
                .sort(ascending ? Sorts.ascending(Layout.ID) : Sorts.descending(Layout.ID))
                .hintString(Layout.AGGREGATE_INDEX)
                .batchSize(firstBatch)
                .cursor());
    }

    /** The commit holding this version of the aggregate, through the unique key index; null if none does. */
    private Long commitHolding(UUID id, long version) {
        BsonDocument holder = Failures.call(namespace, "finding version " + version + " of aggregate " + id,
                () -> commits.withDocumentClass(BsonDocument.class).find(Filters.eq(Layout.KEYS, Layout.key(id, version)))
                        .projection(Projections.include(Layout.ID)).first());
        return holder == null ? null : holder.getNumber(Layout.ID).longValue();
    }

    /** Whether any commit holds a version of the aggregate in {@code (after, upTo]}. */
    private boolean anyBetween(UUID id, long after, long upTo) {
        if (after >= upTo) {
            return false;
        }
        return Failures.call(namespace, "probing versions " + (after + 1) + " to " + upTo + " of aggregate " + id,
                () -> commits.find(keysBetween(id, after, upTo)).projection(Projections.include(Layout.ID)).first()) != null;
    }

    private static Bson keysBetween(UUID id, long after, long upTo) {
        return new BsonDocument(Layout.KEYS, new BsonDocument("$elemMatch",
                new BsonDocument("$gt", new BsonString(Layout.key(id, after))).append("$lte", new BsonString(Layout.key(id, upTo)))));
    }

    private static Bson ofAggregate(UUID id) {
        return Filters.eq(Layout.EVENTS + "." + Layout.AGGREGATE_ID, new BsonBinary(id));
    }
}
