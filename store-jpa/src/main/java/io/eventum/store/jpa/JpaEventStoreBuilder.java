package io.eventum.store.jpa;

import io.eventum.application.store.EventStoreException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Configures a {@link JpaEventStore}. Give it either a JDBC URL ({@link #jdbcUrl}) or an
 * EntityManagerFactory ({@link #entityManagerFactory}), not both. Not thread-safe; a builder can
 * build several stores.
 *
 * <pre>{@code
 * JpaEventStore store = JpaEventStore.builder()
 *         .jdbcUrl("jdbc:postgresql://db/app", "app", secret)
 *         .maximumPoolSize(20)
 *         .createSchema(true)   // opt-in: tests, examples, first runs
 *         .build();
 * }</pre>
 */
public final class JpaEventStoreBuilder {

    private String jdbcUrl;
    private String user;
    private String password;
    private int maximumPoolSize = 10;
    private Duration connectionTimeout = Duration.ofSeconds(10);
    private EntityManagerFactory entityManagerFactory;
    private Supplier<EntityManager> currentEntityManager;
    private boolean createSchema;
    private int fetchSize = 500;

    JpaEventStoreBuilder() {
    }

    /**
     * Connects through a HikariCP pool and an EntityManagerFactory that the store builds, owns and
     * closes in {@link JpaEventStore#close()}. The JDBC driver must be on the classpath. On an H2
     * database in a file or on a server, the store adds {@code ;WRITE_DELAY=0} unless the URL sets
     * WRITE_DELAY: H2 then writes each commit to its file before the commit returns, so an append
     * survives the process dying right after it (H2 needs an admin user for that).
     *
     * @throws IllegalArgumentException if the URL is null or blank
     */
    public JpaEventStoreBuilder jdbcUrl(String url, String user, String password) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the JDBC URL is null or blank");
        }
        this.jdbcUrl = url;
        this.user = user;
        this.password = password;
        return this;
    }

    /**
     * The most connections the store's own pool opens; 10 by default. Only with {@link #jdbcUrl}.
     *
     * @throws IllegalArgumentException if below 1
     */
    public JpaEventStoreBuilder maximumPoolSize(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("the pool needs at least 1 connection, was " + connections);
        }
        this.maximumPoolSize = connections;
        return this;
    }

    /**
     * How long an operation waits for a connection from the store's own pool before it fails with
     * an {@code EventStoreException}; 10 seconds by default. Only with {@link #jdbcUrl}.
     *
     * @throws IllegalArgumentException if below 250 ms (HikariCP's minimum)
     */
    public JpaEventStoreBuilder connectionTimeout(Duration timeout) {
        if (timeout == null || timeout.toMillis() < 250) {
            throw new IllegalArgumentException("the connection timeout must be at least 250 ms, was " + timeout);
        }
        this.connectionTimeout = timeout;
        return this;
    }

    /**
     * Uses the application's EntityManagerFactory, which the store never closes. Its persistence
     * unit needs no entity classes of the store: the store runs SQL on the session's connection.
     * It must be a Hibernate factory with resource-local transactions, or JTA with
     * {@link #currentEntityManager} given. On an H2 database in a file, its URL must carry
     * {@code ;WRITE_DELAY=0} ({@link #build()} checks).
     *
     * @throws IllegalArgumentException if the factory is null
     */
    public JpaEventStoreBuilder entityManagerFactory(EntityManagerFactory factory) {
        if (factory == null) {
            throw new IllegalArgumentException("the EntityManagerFactory is null");
        }
        this.entityManagerFactory = factory;
        return this;
    }

    /**
     * Where the store finds the caller's current EntityManager: a transaction-scoped shared
     * EntityManager (Spring's injected {@code EntityManager}, a container-managed
     * {@code @PersistenceContext}), or a thread-bound one of your own. The supplier may return null.
     * When the EntityManager it returns is joined to a transaction, every operation of the store
     * runs in that transaction and commits or rolls back with it; otherwise the store opens its own
     * EntityManager from the factory and runs its own transaction. Only with
     * {@link #entityManagerFactory}.
     *
     * @throws IllegalArgumentException if the supplier is null
     */
    public JpaEventStoreBuilder currentEntityManager(Supplier<EntityManager> current) {
        if (current == null) {
            throw new IllegalArgumentException("the current EntityManager supplier is null");
        }
        this.currentEntityManager = current;
        return this;
    }

    /**
     * Whether {@link #build()} creates the store's tables when they are missing, running the DDL
     * shipped for the database (PostgreSQL or H2). Off by default: production schemas belong to
     * migrations, which can take the DDL from {@code io/eventum/store/jpa/schema-*.sql}.
     *
     * <p>It first reads which tables exist, as the store's statements find them (on PostgreSQL,
     * through the search_path), and runs the DDL of the missing ones only. When every table exists
     * it writes nothing, so the same configuration serves the primary and a read-only replica. On a
     * read-only database with a table missing, {@link #build()} fails naming it: the schema is
     * created on the primary, and reaches the replica by replication.
     */
    public JpaEventStoreBuilder createSchema(boolean create) {
        this.createSchema = create;
        return this;
    }

    /**
     * How many rows a read fetches per round trip; 500 by default. Bounds the memory a long
     * stream takes while it is replayed.
     *
     * @throws IllegalArgumentException if below 1
     */
    public JpaEventStoreBuilder fetchSize(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("the fetch size must be at least 1, was " + rows);
        }
        this.fetchSize = rows;
        return this;
    }

    /**
     * Builds the store, connecting when built from a JDBC URL, and creating the tables if asked.
     *
     * @throws IllegalStateException if neither or both of a JDBC URL and a factory were given, or
     *     a current EntityManager without a factory
     * @throws EventStoreException if the database cannot be reached or the schema cannot be created
     *     (a table is missing on a read-only database, say), or if the application's factory is on
     *     an H2 database in a file that writes commits late (WRITE_DELAY above 0)
     */
    public JpaEventStore build() {
        if ((jdbcUrl == null) == (entityManagerFactory == null)) {
            throw new IllegalStateException("give the builder either a JDBC URL or an EntityManagerFactory, "
                    + (jdbcUrl == null ? "neither was given" : "not both"));
        }
        if (currentEntityManager != null && entityManagerFactory == null) {
            throw new IllegalStateException("a current EntityManager only works with the EntityManagerFactory it comes from");
        }
        OwnedPersistenceUnit owned = jdbcUrl == null ? null
                : OwnedPersistenceUnit.open(H2Durability.writeAtCommit(jdbcUrl), user, password, maximumPoolSize, connectionTimeout);
        EntityManagerFactory factory = owned == null ? entityManagerFactory : owned.factory();
        Transactions transactions = new Transactions(factory, currentEntityManager, owned == null ? null : owned::evictConnections,
                owned == null ? null : owned.dataSource());
        if (owned == null) {
            H2Durability.requireWriteAtCommit(transactions);
        }
        JpaEventStore store = new JpaEventStore(transactions, fetchSize, owned);
        if (createSchema) {
            try {
                store.createSchema();
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        return store;
    }
}
