package io.eventum.store.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.StoredEvent;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads across aggregates by position, and the positions followers recorded.
 *
 * <p>A commit covers positions {@code _id .. last}. Index {@code {last: 1}} finds, in one index
 * scan, every commit with an event after a position, including the one the position falls inside,
 * in commit order ({@code last} grows with {@code _id}). Because a commit can only be stored above
 * every stored one (see {@link Appender}), a reader that has seen position p never later finds an
 * event at or below p.
 */
final class GlobalReader {

    private static final String TRACKED_FOLLOWER = Layout.TRACKING + "." + Layout.FOLLOWER;
    private static final String TRACKED_POSITION = Layout.TRACKING + "." + Layout.POSITION;

    private final MongoCollection<RawBsonDocument> commits;
    private final CommitReader reader;
    private final String namespace;
    private final int batchSize;

    GlobalReader(MongoCollection<RawBsonDocument> commits, CommitReader reader, String namespace, int batchSize) {
        this.commits = commits;
        this.reader = reader;
        this.namespace = namespace;
        this.batchSize = batchSize;
    }

    List<StoredEvent> readAll(GlobalQuery query) {
        long after = query.afterPosition();
        long upTo = query.upToPosition();
        if (after >= upTo) {
            return List.of();
        }
        List<Bson> conditions = new ArrayList<>(3);
        conditions.add(Filters.gt(Layout.LAST, after));
        if (upTo < Long.MAX_VALUE) {
            conditions.add(Filters.lte(Layout.ID, upTo));
        }
        if (!query.types().isEmpty()) {
            conditions.add(Filters.in(Layout.EVENTS + "." + Layout.TYPE, query.types()));
        }
        Bson filter = conditions.size() == 1 ? conditions.get(0) : Filters.and(conditions);
        List<StoredEvent> page = new ArrayList<>(Math.min(query.limit(), 256));
        // Every matching commit but the first holds at least one wanted event: `limit + 1` commits suffice.
        int firstBatch = (int) Math.min(batchSize, query.limit() + 1L);
        try (Failures.Cursor<RawBsonDocument> cursor = Failures.cursor(namespace, "reading events after position " + after,
                () -> commits.find(filter).sort(Sorts.ascending(Layout.LAST)).hintString(Layout.LAST_INDEX)
                        .batchSize(firstBatch).cursor())) {
            while (cursor.hasNext()) {
                CommitReader.Commit commit = reader.commit(cursor.next());
                List<CommitReader.Event> events = commit.events();
                for (int index = 0; index < events.size(); index++) {
                    long position = commit.firstPosition() + index;
                    if (position <= after) {
                        continue;
                    }
                    if (position > upTo) {
                        return page;
                    }
                    CommitReader.Event event = events.get(index);
                    if (!query.types().isEmpty() && !query.types().contains(event.type())) {
                        continue;
                    }
                    page.add(event.decode());
                    if (page.size() == query.limit()) {
                        return page;
                    }
                }
            }
        }
        return page;
    }

    /** The position of the newest stored event; 0 when there is none. */
    long lastPosition() {
        BsonDocument newest = Failures.call(namespace, "reading the last position",
                () -> commits.withDocumentClass(BsonDocument.class).find(Filters.gt(Layout.LAST, 0L))
                        .projection(Projections.include(Layout.LAST)).sort(Sorts.descending(Layout.LAST))
                        .hintString(Layout.LAST_INDEX).limit(1).first());
        return newest == null ? 0 : newest.getNumber(Layout.LAST).longValue();
    }

    /** The highest position {@code follower} recorded; 0 if none. */
    long trackedPosition(String follower) {
        BsonDocument highest = Failures.call(namespace, "reading the position tracked by " + follower,
                () -> commits.withDocumentClass(BsonDocument.class).find(Filters.eq(TRACKED_FOLLOWER, follower))
                        .projection(Projections.include(TRACKED_POSITION)).sort(Sorts.descending(TRACKED_POSITION))
                        .limit(1).first());
        return highest == null ? 0 : highest.getDocument(Layout.TRACKING).getNumber(Layout.POSITION).longValue();
    }
}
