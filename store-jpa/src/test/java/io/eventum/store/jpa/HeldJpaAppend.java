package io.eventum.store.jpa;

import io.eventum.application.store.EventRecord;
import io.eventum.store.tck.HeldAppend;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The JPA store's held append for the contract: a caller's transaction, on an application's own
 * EntityManagerFactory, in which a store joined to it has appended (positions taken, rows
 * inserted, on H2 the counter row locked) and which has not committed. {@link #commit()} commits
 * it; {@link #kill()} kills its database session from another connection
 * ({@code pg_terminate_backend} on PostgreSQL, {@code ABORT_SESSION} on H2), as when the writer's
 * process dies or an operator ends it, and the database rolls it back.
 */
final class HeldJpaAppend implements HeldAppend {

    private final TestDatabase database;
    private final String url;
    private final EntityManager entityManager;
    private final AutoCloseable owned;
    private final List<Long> positions;
    private final long session;

    private HeldJpaAppend(TestDatabase database, String url, EntityManagerFactory factory, AutoCloseable owned,
                          List<EventRecord> events) {
        this.database = database;
        this.url = url;
        this.owned = owned;
        this.entityManager = factory.createEntityManager();
        entityManager.getTransaction().begin();
        JpaEventStore joined = JpaEventStore.builder().entityManagerFactory(factory).currentEntityManager(() -> entityManager).build();
        this.positions = joined.append(events);
        this.session = entityManager.unwrap(Session.class).doReturningWork(HeldJpaAppend::sessionId);
    }

    /** Holds an append on a persistence unit of its own on {@code url}, closed when the append ends. */
    static HeldAppend onOwnUnit(TestDatabase database, String url, List<EventRecord> events) {
        TestDatabase.UserPersistenceUnit unit = database.userPersistenceUnit(url);
        try {
            return new HeldJpaAppend(database, url, unit.factory(), unit, events);
        } catch (RuntimeException e) {
            unit.close();
            throw e;
        }
    }

    /** Holds an append on the application's {@code factory}, which stays open. */
    static HeldAppend onFactory(TestDatabase database, String url, EntityManagerFactory factory, List<EventRecord> events) {
        return new HeldJpaAppend(database, url, factory, null, events);
    }

    private static long sessionId(Connection connection) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql");
        try (PreparedStatement query = connection.prepareStatement(postgres ? "SELECT pg_backend_pid()" : "SELECT SESSION_ID()");
             ResultSet id = query.executeQuery()) {
            id.next();
            return id.getLong(1);
        }
    }

    @Override
    public List<Long> commit() {
        try {
            entityManager.getTransaction().commit();
            return positions;
        } finally {
            release();
        }
    }

    @Override
    public void kill() {
        String sql = database == TestDatabase.POSTGRESQL ? "SELECT pg_terminate_backend(CAST(? AS integer), 10000)" : "CALL ABORT_SESSION(?)";
        try (Connection connection = DriverManager.getConnection(url, database.user(), database.password());
             PreparedStatement kill = connection.prepareStatement(sql)) {
            kill.setLong(1, session);
            kill.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("killing database session " + session, e);
        } finally {
            release();
        }
    }

    /** Closes the EntityManager (its connection may be dead: the pool retires it) and what this append owns. */
    private void release() {
        try {
            if (entityManager.getTransaction().isActive()) {
                entityManager.getTransaction().rollback();
            }
        } catch (RuntimeException deadConnection) {
            // killed: the database has rolled the transaction back already
        }
        try {
            entityManager.close();
        } catch (RuntimeException deadConnection) {
            // likewise
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the held append's persistence unit", e);
            }
        }
    }
}
