package io.eventum.application.projection;

import io.eventum.application.store.StoredEvent;

/**
 * A projection threw while applying an event, so its runner stopped. Names the projection and the
 * event; after the cause is fixed, a restarted runner delivers that same event again.
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

    /** The position of the event the projection failed on. */
    public long position() {
        return position;
    }
}
