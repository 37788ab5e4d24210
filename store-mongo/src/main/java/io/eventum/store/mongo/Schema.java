package io.eventum.store.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import io.eventum.application.store.EventStoreException;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * The indexes the store relies on, created when it starts. {@code createIndexes} is idempotent: an
 * index that exists with the same keys and options is left alone, so every instance of an
 * application can start the store against the same database. The store then checks what is there:
 * an index of one of its names with other keys or options (a key index that is not unique would
 * silently drop guarantee 2) fails the start, whether or not the server complained.
 */
final class Schema {

    private static final List<IndexModel> COMMIT_INDEXES = List.of(
            // Guarantee 2: one string per event, so no (aggregate, version) is stored twice, however
            // batches were split. Sparse: commits without events have no keys.
            new IndexModel(Indexes.ascending(Layout.KEYS), new IndexOptions().name(Layout.KEYS_INDEX).unique(true).sparse(true)),
            // Reads by aggregate: its commits in commit order, either direction.
            new IndexModel(Indexes.ascending(Layout.EVENTS + "." + Layout.AGGREGATE_ID, Layout.ID),
                    new IndexOptions().name(Layout.AGGREGATE_INDEX)),
            // Reads by position: the commits with events after a position.
            new IndexModel(Indexes.ascending(Layout.LAST), new IndexOptions().name(Layout.LAST_INDEX)),
            // Exactly-once tracking: a follower records a position once. Sparse: most commits track nothing.
            new IndexModel(Indexes.ascending(Layout.TRACKING + "." + Layout.FOLLOWER, Layout.TRACKING + "." + Layout.POSITION),
                    new IndexOptions().name(Layout.TRACKING_INDEX).unique(true).sparse(true)));

    private static final List<IndexModel> SNAPSHOT_INDEXES = List.of(
            // An aggregate's newest snapshot at or below a version.
            new IndexModel(Indexes.compoundIndex(Indexes.ascending(Layout.AGGREGATE_ID), Indexes.descending(Layout.VERSION)),
                    new IndexOptions().name(Layout.SNAPSHOT_INDEX)));

    private Schema() {
    }

    /** Creates and checks the indexes of both collections. */
    static void create(MongoCollection<RawBsonDocument> commits, MongoCollection<RawBsonDocument> snapshots, String namespace) {
        create(commits, COMMIT_INDEXES, namespace);
        create(snapshots, SNAPSHOT_INDEXES, snapshots.getNamespace().getFullName());
    }

    private static void create(MongoCollection<RawBsonDocument> collection, List<IndexModel> indexes, String namespace) {
        try {
            collection.createIndexes(indexes);
            List<BsonDocument> existing = collection.listIndexes(BsonDocument.class).into(new ArrayList<>());
            for (IndexModel wanted : indexes) {
                String name = wanted.getOptions().getName();
                List<BsonDocument> named = existing.stream().filter(index -> index.getString("name").getValue().equals(name)).toList();
                BsonDocument wrong = named.stream().filter(index -> !matches(wanted, index)).findFirst().orElse(null);
                if (named.isEmpty() || wrong != null) {
                    throw new EventStoreException("MongoDB store " + namespace + ": creating the store's indexes failed: index "
                            + name + " is " + (wrong == null ? "missing" : wrong.toJson())
                            + "; an index of that name with other keys or options must be dropped first");
                }
            }
        } catch (MongoCommandException e) {
            throw new EventStoreException("MongoDB store " + namespace + ": creating the store's indexes failed (error " + e.getCode()
                    + ": " + e.getErrorMessage() + "). An index of the same name with other options must be dropped first; "
                    + "a user without the createIndex privilege needs an administrator to start the store once", e);
        } catch (MongoException e) {
            throw Failures.of(namespace, "creating the store's indexes", e, false);
        }
    }

    private static boolean matches(IndexModel wanted, BsonDocument found) {
        return wanted.getKeys().toBsonDocument().equals(normalized(found.getDocument("key")))
                && wanted.getOptions().isUnique() == isTrue(found.get("unique"))
                && wanted.getOptions().isSparse() == isTrue(found.get("sparse"));
    }

    /** Key directions as int32 1, however the server spells them (1, 1.0, NumberLong(1)). */
    private static BsonDocument normalized(BsonDocument keys) {
        BsonDocument normalized = new BsonDocument();
        keys.forEach((field, direction) -> normalized.append(field,
                direction.isNumber() ? new org.bson.BsonInt32(direction.asNumber().intValue()) : direction));
        return normalized;
    }

    private static boolean isTrue(BsonValue flag) {
        return flag != null && (flag.isBoolean() ? flag.asBoolean().getValue() : flag.isNumber() && flag.asNumber().intValue() != 0);
    }
}
