package io.eventum.application.store;

import java.util.Objects;
import java.util.Set;

/**
 * Which events to read across all aggregates, by global position: those with
 * {@code afterPosition < position <= upToPosition}, optionally only of some types, in ascending
 * position order, at most {@code limit} of them.
 *
 * @param afterPosition exclusive lower bound; 0 reads from the first event
 * @param upToPosition inclusive upper bound; {@link Long#MAX_VALUE} for no bound
 * @param limit the most events to return; at least 1
 * @param types the type names to return; empty for every type
 */
public record GlobalQuery(long afterPosition, long upToPosition, int limit, Set<String> types) {

    /**
     * Checks the bounds and copies the type set.
     *
     * @throws IllegalArgumentException if a bound is negative or the limit is below 1
     */
    public GlobalQuery {
        if (afterPosition < 0) {
            throw new IllegalArgumentException("afterPosition must be 0 or more, was " + afterPosition);
        }
        if (upToPosition < 0) {
            throw new IllegalArgumentException("upToPosition must be 0 or more, was " + upToPosition);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        types = Set.copyOf(Objects.requireNonNull(types, "types"));
    }

    /** At most {@code limit} events of any type after {@code afterPosition}. */
    public static GlobalQuery after(long afterPosition, int limit) {
        return new GlobalQuery(afterPosition, Long.MAX_VALUE, limit, Set.of());
    }

    /** This query, reading only positions up to and including {@code position}. */
    public GlobalQuery upTo(long position) {
        return new GlobalQuery(afterPosition, position, limit, types);
    }

    /** This query, returning only events whose type name is one of {@code typeNames}. */
    public GlobalQuery ofTypes(Set<String> typeNames) {
        return new GlobalQuery(afterPosition, upToPosition, limit, typeNames);
    }

    /** Whether {@code event} matches this query's bounds and type filter (the limit aside). */
    public boolean matches(StoredEvent event) {
        return event.position() > afterPosition && event.position() <= upToPosition
                && (types.isEmpty() || types.contains(event.type()));
    }
}
