package io.eventum.application.store;

/**
 * Which events of one aggregate to read: those with {@code afterVersion < version <= upToVersion},
 * in ascending or descending version order, at most {@code limit} of them. With
 * {@code descending}, the limit keeps the newest events.
 *
 * <pre>{@code
 * AggregateQuery.all()                          // every event, oldest first
 * AggregateQuery.all().after(10).upTo(20)       // versions 11..20
 * AggregateQuery.all().newestFirst().limit(1)    // the latest event only
 * }</pre>
 *
 * @param afterVersion exclusive lower bound; 0 reads from the first event
 * @param upToVersion inclusive upper bound; {@link Long#MAX_VALUE} reads to the last event
 * @param descending whether the newest event comes first
 * @param limit the most events to return; at least 1
 */
public record AggregateQuery(long afterVersion, long upToVersion, boolean descending, int limit) {

    private static final AggregateQuery ALL = new AggregateQuery(0, Long.MAX_VALUE, false, Integer.MAX_VALUE);

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException if a bound is negative or the limit is below 1
     */
    public AggregateQuery {
        if (afterVersion < 0) {
            throw new IllegalArgumentException("afterVersion must be 0 or more, was " + afterVersion);
        }
        if (upToVersion < 0) {
            throw new IllegalArgumentException("upToVersion must be 0 or more, was " + upToVersion);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    /** Every event of the aggregate, in ascending version order. */
    public static AggregateQuery all() {
        return ALL;
    }

    /** This query, reading only versions greater than {@code version}. */
    public AggregateQuery after(long version) {
        return new AggregateQuery(version, upToVersion, descending, limit);
    }

    /** This query, reading only versions up to and including {@code version}. */
    public AggregateQuery upTo(long version) {
        return new AggregateQuery(afterVersion, version, descending, limit);
    }

    /** This query, in descending version order: newest event first. */
    public AggregateQuery newestFirst() {
        return new AggregateQuery(afterVersion, upToVersion, true, limit);
    }

    /** This query, returning at most {@code count} events. */
    public AggregateQuery limit(int count) {
        return new AggregateQuery(afterVersion, upToVersion, descending, count);
    }

    /** Whether {@code version} lies inside this query's bounds. */
    public boolean includes(long version) {
        return version > afterVersion && version <= upToVersion;
    }
}
