package io.eventum.examples.ddd;

import io.eventum.application.store.EventStore;
import io.eventum.store.inmemory.InMemoryEventStore;

/**
 * The stores the example can run on, and how each is opened: embedded by default, or a running
 * server given by a URL.
 */
public enum StoreChoice {

    /** The in-memory store: nothing to set up, nothing kept after the run. */
    inmemory {
        @Override
        OpenedStore open(Connection connection) {
            if (connection.url() != null) {
                throw new UnreachableStoreException("--url does not apply to the in-memory store");
            }
            return new OpenedStore(new InMemoryEventStore(), "the in-memory store", () -> { });
        }
    };

    /**
     * Opens the store.
     *
     * @throws UnreachableStoreException with a one-line reason if it cannot be reached
     */
    abstract OpenedStore open(Connection connection);

    /**
     * Where a database store connects when {@code --url} is given.
     *
     * @param url the URL, or null for the embedded default
     * @param user the user, or null
     * @param password the password, or null
     */
    record Connection(String url, String user, String password) {
    }

    /**
     * An open store, what to call it, and what to shut down after it (an embedded server).
     *
     * @param store the store
     * @param description how the scenario names it
     * @param shutdown stops whatever the store needed started; runs after the store is closed
     */
    record OpenedStore(EventStore store, String description, Runnable shutdown) implements AutoCloseable {
        @Override
        public void close() {
            try {
                store.close();
            } finally {
                shutdown.run();
            }
        }
    }

    /** The store cannot be opened; the message is one line for the user. */
    static final class UnreachableStoreException extends RuntimeException {
        UnreachableStoreException(String message) {
            super(message);
        }

        UnreachableStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
