package io.eventum.application.codec.jackson;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * The JSON a snapshot is stored as: the aggregate's creation time, which its root needs back, and
 * the state. The id, version and last-modified time live in the snapshot record's own fields.
 */
record SnapshotEnvelope(Instant createdOn, JsonNode state) {
}
