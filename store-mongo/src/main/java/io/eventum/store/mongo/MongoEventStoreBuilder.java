package io.eventum.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.eventum.application.store.EventStoreException;

import java.util.Objects;

/**
 * Builds a {@link MongoEventStore}. Give it either a connection string (the store creates the
 * client and closes it on {@link MongoEventStore#close()}) or a {@link MongoClient} you already have
 * (the store uses it and leaves it open), and a database.
 *
 * <pre>{@code
 * MongoEventStore.builder()
 *         .connectionString("mongodb://db1,db2,db3/shop?replicaSet=rs0&w=majority&readConcernLevel=majority")
 *         .collectionPrefix("orders_")      // collections orders_commits and orders_snapshots
 *         .build();
 *
 * MongoEventStore.builder().client(existingClient).database("shop").build();
 * }</pre>
 *
 * <p>Write and read concerns come from the client (its settings or the connection string); the
 * README says which to use on a replica set. Not thread-safe; a built store is.
 */
public final class MongoEventStoreBuilder {

    /** Commits fetched per cursor round trip; each commit holds one or more events. */
    static final int DEFAULT_BATCH_SIZE = 256;

    private String connectionString;
    private MongoClient client;
    private String database;
    private String collectionPrefix = "eventum_";
    private int readBatchSize = DEFAULT_BATCH_SIZE;
    private int snapshotsKept = 3;

    MongoEventStoreBuilder() {
    }

    /**
     * Connect with this connection string; the store owns the client it creates. The string's
     * database, if any, is the default for {@link #database}.
     *
     * @param connectionString a {@code mongodb://} or {@code mongodb+srv://} connection string
     * @return this builder
     * @throws IllegalArgumentException if the string is not a MongoDB connection string
     */
    public MongoEventStoreBuilder connectionString(String connectionString) {
        Objects.requireNonNull(connectionString, "connectionString");
        new ConnectionString(connectionString);
        this.connectionString = connectionString;
        return this;
    }

    /**
     * Use this client; the store never closes it.
     *
     * @param client a client the application owns
     * @return this builder
     */
    public MongoEventStoreBuilder client(MongoClient client) {
        this.client = Objects.requireNonNull(client, "client");
        return this;
    }

    /**
     * The database holding the store's collections.
     *
     * @param database a database name
     * @return this builder
     * @throws IllegalArgumentException if the name is blank or holds a character MongoDB forbids
     */
    public MongoEventStoreBuilder database(String database) {
        if (database == null || database.isBlank() || database.chars().anyMatch(c -> "/\\. \"$\0".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("database name '" + database + "' is not a valid MongoDB database name");
        }
        this.database = database;
        return this;
    }

    /**
     * Prefixes the store's two collections, {@code <prefix>commits} and {@code <prefix>snapshots},
     * so that several stores can share a database; {@code "eventum_"} by default, may be empty.
     *
     * @param prefix the prefix
     * @return this builder
     * @throws IllegalArgumentException if the prefix holds {@code $} or NUL or starts with {@code system.}
     */
    public MongoEventStoreBuilder collectionPrefix(String prefix) {
        if (prefix == null || prefix.indexOf('$') >= 0 || prefix.indexOf('\0') >= 0 || prefix.startsWith("system.")) {
            throw new IllegalArgumentException("collection prefix '" + prefix + "' cannot hold '$' or NUL or start with 'system.'");
        }
        this.collectionPrefix = prefix;
        return this;
    }

    /**
     * Commit documents fetched per cursor round trip on reads; 256 by default.
     *
     * @param commits documents per batch; at least 1
     * @return this builder
     */
    public MongoEventStoreBuilder readBatchSize(int commits) {
        if (commits < 1) {
            throw new IllegalArgumentException("read batch size must be at least 1, was " + commits);
        }
        this.readBatchSize = commits;
        return this;
    }

    /**
     * How many snapshots to keep per aggregate, newest first; 3 by default. Older ones only serve
     * loads at older versions ({@code Repository.get(id, version)}).
     *
     * @param snapshots how many; at least 1
     * @return this builder
     */
    public MongoEventStoreBuilder snapshotsKept(int snapshots) {
        if (snapshots < 1) {
            throw new IllegalArgumentException("snapshots kept must be at least 1, was " + snapshots);
        }
        this.snapshotsKept = snapshots;
        return this;
    }

    /**
     * Builds the store and creates its indexes (idempotently; an existing store's are kept).
     *
     * @return the store, ready for use by many threads
     *
     * @throws IllegalStateException if neither or both of a connection string and a client were given,
     *     or no database was named here or in the connection string
     * @throws IllegalArgumentException if the client's write concern is unacknowledged ({@code w=0})
     * @throws EventStoreException if the server cannot be reached or the indexes cannot be created;
     *     a client the builder created is closed again
     */
    public MongoEventStore build() {
        if ((connectionString == null) == (client == null)) {
            throw new IllegalStateException("give the builder either a connection string or a MongoClient, not "
                    + (client == null ? "neither" : "both"));
        }
        String databaseName = database != null ? database
                : connectionString != null ? new ConnectionString(connectionString).getDatabase() : null;
        if (databaseName == null) {
            throw new IllegalStateException("name the database: builder.database(...) or in the connection string's path");
        }
        if (client != null) {
            return new MongoEventStore(client, false, databaseName, collectionPrefix, readBatchSize, snapshotsKept);
        }
        MongoClient created = MongoClients.create(connectionString);
        try {
            return new MongoEventStore(created, true, databaseName, collectionPrefix, readBatchSize, snapshotsKept);
        } catch (RuntimeException e) {
            created.close();
            throw e instanceof MongoException mongo
                    ? Failures.of(databaseName + "." + collectionPrefix + Layout.COMMITS, "starting the store", mongo, false) : e;
        }
    }
}
