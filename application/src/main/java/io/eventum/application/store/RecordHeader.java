package io.eventum.application.store;

import java.time.Instant;
import java.util.UUID;

/**
 * The checks an {@link EventRecord} and a {@link SnapshotRecord} share: the header both carry
 * (aggregate id, version, type name, timestamp) and the JSON object of their body. Messages name
 * the record; they are built only when a check fails, so a valid record on the append path costs
 * no string building.
 */
final class RecordHeader {

    /** An event record: "event record for aggregate ...". */
    static final RecordHeader EVENT = new RecordHeader("event record", "for");
    /** A snapshot: "snapshot of aggregate ...". */
    static final RecordHeader SNAPSHOT = new RecordHeader("snapshot", "of");

    private final String kind;
    private final String preposition;

    private RecordHeader(String kind, String preposition) {
        this.kind = kind;
        this.preposition = preposition;
    }

    /**
     * Checks the header, and that there is a body (named {@code body} in messages: "payload", "state").
     *
     * @throws IllegalArgumentException naming the record, if a field is missing, the version is below
     *     1, or the type name or timestamp breaks a rule of {@link StoredValues}
     */
    void check(UUID aggregateId, long version, String type, String body, byte[] json, Instant timestamp) {
        if (aggregateId == null) {
            throw new IllegalArgumentException(kind + " has no aggregate id (version " + version + ", type " + StoredValues.quote(type) + ")");
        }
        if (version < 1) {
            throw new IllegalArgumentException(kind + " " + preposition + " aggregate " + aggregateId + " has version " + version
                    + " (type " + StoredValues.quote(type) + "): versions start at 1");
        }
        String typeProblem = type == null ? "it is missing" : StoredValues.problemWithName(type);
        if (typeProblem != null) {
            throw new IllegalArgumentException(kind + " " + preposition + " aggregate " + aggregateId + " version " + version
                    + " has a refused type name " + StoredValues.quote(type) + ": " + typeProblem);
        }
        if (json == null) {
            throw new IllegalArgumentException("the " + where(aggregateId, version, type) + " has no " + body);
        }
        if (timestamp == null) {
            throw new IllegalArgumentException("the " + where(aggregateId, version, type) + " has no timestamp");
        }
        String timestampProblem = StoredValues.problemWithTimestamp(timestamp);
        if (timestampProblem != null) {
            throw new IllegalArgumentException("the " + where(aggregateId, version, type) + " is refused: " + timestampProblem);
        }
    }

    /**
     * Checks the body: one JSON object in strict UTF-8 within the limits of {@link StoredValues}.
     *
     * @throws IllegalArgumentException naming the record and the rule broken
     */
    void checkBody(UUID aggregateId, long version, String type, String body, byte[] json) {
        String jsonProblem = JsonSyntax.problemWithObject(json);
        if (jsonProblem != null) {
            throw new IllegalArgumentException("the " + body + " of the " + where(aggregateId, version, type) + " is refused: " + jsonProblem);
        }
    }

    /** The record, for messages: "event record for aggregate A version V (type T)". */
    String where(UUID aggregateId, long version, String type) {
        return kind + " " + preposition + " aggregate " + aggregateId + " version " + version + " (type " + StoredValues.quote(type) + ")";
    }
}
