package io.eventum.application.store;

/**
 * An append failed because its tracking record was already stored: the follower has processed
 * that position before (or another instance of it just did). Nothing of the failed append was
 * stored; the follower should skip the event.
 */
public class TrackingConflictException extends EventStoreException {

    private final String follower;
    private final long position;

    /**
     * @param follower the follower's name
     * @param position the position it had already recorded
     * @param cause the store's own error, or null
     */
    public TrackingConflictException(String follower, long position, Throwable cause) {
        super("tracking conflict: follower " + follower + " has already recorded position " + position
                + "; nothing of this append was stored", cause);
        this.follower = follower;
        this.position = position;
    }

    /** The follower whose tracking record was already stored. */
    public String follower() {
        return follower;
    }

    /** The position it had already recorded. */
    public long position() {
        return position;
    }
}
