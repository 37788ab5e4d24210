package io.eventum.examples.ddd;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.EventStoreException;
import io.eventum.store.inmemory.InMemoryEventStore;
import io.eventum.store.jpa.JpaEventStore;
import io.eventum.store.mongo.MongoEventStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The stores the example can run on, and how each is opened: embedded by default, or a running
 * server given by {@code --url}. Each choice needs nothing installed.
 */
public enum StoreChoice {

    /** The in-memory store: nothing to set up, nothing kept after the run. */
    inmemory {
        @Override
        String misusedOption(Connection connection) {
            String given = connection.url() != null ? "--url" : connection.user() != null ? "--user"
                    : connection.password() != null ? "--password" : null;
            return given == null ? null : given + " does not apply to the in-memory store";
        }

        @Override
        OpenedStore open(Connection connection) {
            return new OpenedStore(new InMemoryEventStore(), "the in-memory store", () -> { });
        }
    },

    /**
     * H2 in a file under target/, so that a second run finds the first run's events; or --url.
     * WRITE_DELAY=0: H2 writes each commit to the file before the commit returns, so a run killed
     * right after a save keeps it (by default H2 writes commits up to half a second later, from a
     * background thread, and a killed run loses them).
     */
    h2 {
        @Override
        OpenedStore open(Connection connection) {
            String url = connection.url() != null ? connection.url()
                    : "jdbc:h2:file:" + H2_FILE.toAbsolutePath() + ";DB_CLOSE_DELAY=0;WRITE_DELAY=0";
            return new OpenedStore(jpa(url, connection.userOr("sa"), connection.passwordOr("")), "H2 at " + url, () -> { });
        }
    },

    /** PostgreSQL: an embedded server started for the run, or the one at --url. */
    postgres {
        @Override
        String misusedOption(Connection connection) {
            // The embedded server has one user, postgres, without a password.
            String given = connection.user() != null ? "--user" : connection.password() != null ? "--password" : null;
            return connection.url() != null || given == null ? null
                    : given + " applies only with --url: the embedded PostgreSQL has its own user";
        }

        @Override
        OpenedStore open(Connection connection) {
            if (connection.url() != null) {
                return new OpenedStore(jpa(connection.url(), connection.userOr("postgres"), connection.passwordOr("")),
                        "PostgreSQL at " + connection.url(), () -> { });
            }
            EmbeddedPostgres server;
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException | RuntimeException e) {
                throw new UnreachableStoreException("cannot start the embedded PostgreSQL: " + e.getMessage(), e);
            }
            String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
            return new OpenedStore(jpa(url, "postgres", ""), "an embedded PostgreSQL at " + url, () -> close(server));
        }
    },

    /** MongoDB: an in-process wire-protocol server started for the run, or the one at --url. */
    mongo {
        @Override
        String misusedOption(Connection connection) {
            String given = connection.user() != null ? "--user" : connection.password() != null ? "--password" : null;
            return given == null ? null
                    : given + " does not apply to MongoDB: put the credentials in the --url connection string";
        }

        @Override
        OpenedStore open(Connection connection) {
            if (connection.url() != null) {
                return new OpenedStore(mongo(connection.url()), "MongoDB at " + connection.url(), () -> { });
            }
            MongoServer server = new MongoServer(new MemoryBackend());
            String url = "mongodb://" + hostAndPort(server.bind()) + "/eventum_example";
            try {
                return new OpenedStore(mongo(url), "an in-process MongoDB server at " + url, server::shutdownNow);
            } catch (RuntimeException e) {
                server.shutdownNow();
                throw e;
            }
        }
    };

    /** Where the h2 choice keeps its database file between runs. */
    static final Path H2_FILE = Path.of("target", "eventum-example", "h2");

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * The one-line reason why an option given with {@code connection} does not apply to this store
     * (it would be silently ignored), or null if every given option applies.
     */
    String misusedOption(Connection connection) {
        return null;
    }

    /**
     * Opens the store.
     *
     * @throws UnreachableStoreException with a one-line reason if it cannot be reached
     */
    abstract OpenedStore open(Connection connection);

    private static JpaEventStore jpa(String url, String user, String password) {
        try {
            return JpaEventStore.builder().jdbcUrl(url, user, password).connectionTimeout(CONNECT_TIMEOUT)
                    .createSchema(true).build();
        } catch (EventStoreException | IllegalArgumentException e) {
            throw new UnreachableStoreException("cannot open the database at " + url + ": " + oneLine(e), e);
        }
    }

    private static MongoEventStore mongo(String url) {
        ConnectionString parsed;
        try {
            parsed = new ConnectionString(url);
        } catch (IllegalArgumentException e) {
            throw new UnreachableStoreException("not a MongoDB connection string: " + url, e);
        }
        // Fail within seconds, not the driver's default 30, when nothing answers.
        String bounded = parsed.getServerSelectionTimeout() != null ? url
                : url + (url.contains("?") ? "&" : (parsed.getDatabase() == null ? "/?" : "?")) + "serverSelectionTimeoutMS=" + CONNECT_TIMEOUT.toMillis();
        try {
            return MongoEventStore.builder().connectionString(bounded)
                    .database(parsed.getDatabase() != null ? parsed.getDatabase() : "eventum_example").build();
        } catch (RuntimeException e) {
            throw new UnreachableStoreException("cannot open MongoDB at " + url + ": " + oneLine(e), e);
        }
    }

    private static String hostAndPort(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }

    private static void close(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("stopping the embedded PostgreSQL", e);
        }
    }

    private static String oneLine(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /**
     * Where a database store connects when {@code --url} is given.
     *
     * @param url the URL, or null for the embedded default
     * @param user the user, or null
     * @param password the password, or null
     */
    record Connection(String url, String user, String password) {
        String userOr(String fallback) {
            return user != null ? user : fallback;
        }

        String passwordOr(String fallback) {
            return password != null ? password : fallback;
        }
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
