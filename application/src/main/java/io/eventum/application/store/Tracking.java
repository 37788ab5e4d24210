package io.eventum.application.store;

/**
 * A follower's record that it has processed the event at one global position. Appended together
 * with what the follower wrote in reaction (new events, or nothing), it makes processing
 * exactly-once: a second append of the same follower and position fails with
 * {@link TrackingConflictException} and stores nothing.
 *
 * @param follower the follower's stable name, such as a projection or process application name
 * @param position the global position of the event processed; at least 1
 */
public record Tracking(String follower, long position) {

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException if the follower name breaks a rule of {@link StoredValues}
     *     (blank, too long, control characters, not Unicode text) or the position is below 1
     */
    public Tracking {
        requireFollower(follower);
        if (position < 1) {
            throw new IllegalArgumentException("follower " + StoredValues.quote(follower) + " tracks position " + position
                    + ": positions start at 1");
        }
    }

    /**
     * Checks a follower name given to {@link EventStore#trackedPosition(String)}, the same way in
     * every store.
     *
     * @return the name
     * @throws IllegalArgumentException if it is null or breaks a rule of {@link StoredValues}
     */
    public static String requireFollower(String follower) {
        String problem = follower == null ? "it is null" : StoredValues.problemWithName(follower);
        if (problem != null) {
            throw new IllegalArgumentException("the follower name " + StoredValues.quote(follower) + " is refused: " + problem);
        }
        return follower;
    }
}
