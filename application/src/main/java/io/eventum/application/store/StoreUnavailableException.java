package io.eventum.application.store;

/**
 * The store could not be reached: a connection was refused, lost or timed out, or the database is
 * shutting down. A transient failure: nothing of an append that fails with it was stored (unless
 * the message says the outcome is unknown), and the same call may succeed once the store is back.
 * Followers retry on it; every other {@link EventStoreException} stops them.
 */
public class StoreUnavailableException extends EventStoreException {

    /** A failure described by {@code message}, caused by {@code cause}. */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
