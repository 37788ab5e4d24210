package io.eventum.application.store;

/**
 * A store failed: it could not be reached, its schema is missing, or it broke a guarantee. The
 * message says what the store was doing. Subclasses report conflicts the caller can act on.
 */
public class EventStoreException extends RuntimeException {

    /** A failure described by {@code message}. */
    public EventStoreException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
