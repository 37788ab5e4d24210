package io.eventum.application.projection;

import io.eventum.application.store.CorruptStoredEventException;
import io.eventum.application.store.StoredEvent;

/**
 * A projection's runner stopped: the projection threw while applying an event, a stored event
 * cannot be read, or the log failed in a way that retrying does not mend. Names the projection and
 * the event; after the cause is fixed, a restarted runner delivers that same event again.
 */
public class ProjectionFailedException extends RuntimeException {

    private final long position;

    /**
     * @param projection the projection's name
     * @param event the event it failed on
     * @param cause what it threw
     */
    public ProjectionFailedException(String projection, StoredEvent event, Throwable cause) {
        super("projection " + projection + " failed on the event at position " + event.position() + " (aggregate "
                + event.aggregateId() + " version " + event.version() + " type '" + event.type() + "') and stopped: " + cause, cause);
        this.position = event.position();
    }

    /**
     * @param projection the projection's name
     * @param corrupt the stored event its runner could not read, after delivering every event before it
     */
    public ProjectionFailedException(String projection, CorruptStoredEventException corrupt) {
        super("projection " + projection + " stopped: " + corrupt.getMessage(), corrupt);
        this.position = corrupt.position();
    }

    /**
     * @param projection the projection's name
     * @param afterPosition the position up to which it had applied events
     * @param cause the failure that stopped its runner while reading the log
     */
    public ProjectionFailedException(String projection, long afterPosition, Throwable cause) {
        super("projection " + projection + " stopped: reading the notification log after position " + afterPosition
                + " failed, and the failure is not one that goes away by retrying: " + cause, cause);
        this.position = afterPosition + 1;
    }

    /** The position of the event the projection failed on (or the first position it could not read). */
    public long position() {
        return position;
    }
}
