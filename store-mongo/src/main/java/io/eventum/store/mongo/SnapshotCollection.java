package io.eventum.store.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.SnapshotRecord;
import org.bson.BsonBinary;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.bson.ByteBuf;
import org.bson.RawBsonDocument;
import org.bson.conversions.Bson;
import org.bson.io.BasicOutputBuffer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Snapshots, one document per aggregate and version:
 * {@code {_id: "<aggregate id>:<version>", aggregateId, version, type, timestamp, nanos, state: {...}}}.
 *
 * <p>A save is an upsert by {@code _id}: the same version replaces, another version is added, so an
 * older snapshot never hides a newer one. Then the aggregate's snapshots beyond the newest
 * {@code kept} are deleted, in a second step: snapshots are a cache of what the events say, so a
 * prune that fails or races only keeps a few more or loads replay a few more events.
 */
final class SnapshotCollection {

    private final MongoCollection<RawBsonDocument> snapshots;
    private final String namespace;
    private final int kept;

    SnapshotCollection(MongoCollection<RawBsonDocument> snapshots, String namespace, int kept) {
        this.snapshots = snapshots;
        this.namespace = namespace;
        this.kept = kept;
    }

    void save(SnapshotRecord snapshot) {
        String owner = "snapshot of aggregate " + snapshot.aggregateId() + " version " + snapshot.version() + " type " + snapshot.type();
        BasicOutputBuffer buffer = new BasicOutputBuffer(256 + snapshot.state().length);
        try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
            writer.writeStartDocument();
            writer.writeString(Layout.ID, Layout.key(snapshot.aggregateId(), snapshot.version()));
            writer.writeBinaryData(Layout.AGGREGATE_ID, new BsonBinary(snapshot.aggregateId()));
            writer.writeInt64(Layout.VERSION, snapshot.version());
            CommitEncoder.requireUtf8(snapshot.type(), "a type name", () -> owner);
            writer.writeString(Layout.TYPE, snapshot.type());
            CommitEncoder.writeTimestamp(writer, snapshot.timestamp(), () -> owner);
            CommitEncoder.writeJson(writer, Layout.STATE, Layout.STATE_JSON, snapshot.state(), () -> "the state of the " + owner);
            writer.writeEndDocument();
        }
        Bson aggregate = Filters.eq(Layout.AGGREGATE_ID, new BsonBinary(snapshot.aggregateId()));
        try {
            // The filter names the aggregate too, so that the upsert is routed when the collection is sharded on it.
            snapshots.replaceOne(Filters.and(Filters.eq(Layout.ID, Layout.key(snapshot.aggregateId(), snapshot.version())), aggregate),
                    new RawBsonDocument(buffer.toByteArray()), new ReplaceOptions().upsert(true));
            RawBsonDocument oldestKept = snapshots.find(aggregate).projection(Projections.include(Layout.VERSION))
                    .sort(Sorts.descending(Layout.VERSION)).skip(kept - 1).limit(1).first();
            if (oldestKept != null) {
                snapshots.deleteMany(Filters.and(aggregate, Filters.lt(Layout.VERSION, oldestKept.getNumber(Layout.VERSION).longValue())));
            }
        } catch (MongoException e) {
            throw Failures.of(namespace, "saving the " + owner, e, true);
        }
    }

    Optional<SnapshotRecord> latest(UUID aggregateId, long version) {
        RawBsonDocument found = Failures.call(namespace, "reading the snapshots of aggregate " + aggregateId,
                () -> snapshots.find(Filters.and(Filters.eq(Layout.AGGREGATE_ID, new BsonBinary(aggregateId)),
                        Filters.lte(Layout.VERSION, version))).sort(Sorts.descending(Layout.VERSION)).limit(1).first());
        return Optional.ofNullable(found).map(document -> decode(aggregateId, document));
    }

    private SnapshotRecord decode(UUID aggregateId, RawBsonDocument document) {
        String where = "MongoDB store " + namespace + ": the snapshot of aggregate " + aggregateId;
        try {
            long version = document.getNumber(Layout.VERSION).longValue();
            String type = document.getString(Layout.TYPE).getValue();
            where += " version " + version + " type " + type;
            long millis = document.getDateTime(Layout.TIMESTAMP).getValue();
            int nanos = document.containsKey(Layout.NANOS) ? document.getInt32(Layout.NANOS).getValue() : 0;
            return new SnapshotRecord(aggregateId, version, type, state(document), Instant.ofEpochMilli(millis).plusNanos(nanos));
        } catch (BsonInvalidOperationException | BsonToJson.UnsupportedValueException | IllegalArgumentException e) {
            throw new EventStoreException(where + " does not decode (" + e.getMessage() + "); was it edited by hand?", e);
        }
    }

    private static byte[] state(BsonDocument document) {
        BsonValue text = document.get(Layout.STATE_JSON);
        if (text != null) {
            byte[] json = text.asString().getValue().getBytes(StandardCharsets.UTF_8);
            String problem = JsonToBson.problemWithStoredObject(json);
            if (problem != null) {
                throw new IllegalArgumentException("field '" + Layout.STATE_JSON + "' does not hold one JSON object: " + problem);
            }
            return json;
        }
        BsonValue state = document.get(Layout.STATE);
        if (!(state instanceof RawBsonDocument raw) || state.getBsonType() != BsonType.DOCUMENT) {
            throw new IllegalArgumentException("it has no '" + Layout.STATE + "' document and no '" + Layout.STATE_JSON + "' string");
        }
        ByteBuf buffer = raw.getByteBuffer();
        try {
            return BsonToJson.render(buffer.array(), buffer.arrayOffset() + buffer.position());
        } catch (BsonToJson.UnsupportedValueException e) {
            throw e.under(Layout.STATE);
        }
    }
}
