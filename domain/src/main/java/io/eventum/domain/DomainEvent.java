package io.eventum.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to one aggregate. Implement it with a record; an aggregate's events
 * usually share a sealed interface that extends this one, so that its mutator can match them
 * exhaustively.
 *
 * <p>Every event carries the three facts the framework relies on: which aggregate it belongs to
 * (the originator), the version it brings that aggregate to (the first event of an aggregate has
 * version 1, each later one exactly the previous plus one), and when it happened. Events are
 * immutable values: once triggered they are never changed, only superseded by later events.
 */
public interface DomainEvent {

    /** The id of the aggregate this event belongs to; never null. */
    UUID originatorId();

    /** The version this event brings its aggregate to: 1 for the first event, then +1 each. */
    long originatorVersion();

    /** When the event happened; never null. */
    Instant timestamp();
}
