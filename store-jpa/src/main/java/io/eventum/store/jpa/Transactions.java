package io.eventum.store.jpa;

import io.eventum.application.store.EventStoreException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs the store's SQL on a connection Hibernate manages, in the right transaction.
 *
 * <p>When the caller's current {@link EntityManager} is joined to a transaction, the work joins it
 * too: it runs on that EntityManager's connection and commits or rolls back with the caller. A
 * write then runs under a savepoint, so that a failed append (a conflict, say) is undone without
 * dooming the caller's transaction, and the store can still look up what conflicted. Otherwise
 * the work runs on an EntityManager opened for it and closed after: in a transaction of its own
 * when it is several statements that must commit together, and in auto-commit mode when it is
 * reads, or one write statement that is atomic by itself (PostgreSQL's append), which saves the
 * round trip of the transaction's COMMIT.
 *
 * <p>A write the database refuses as read-only (a replica, read-only mode, a read-only transaction)
 * fails with an exception that says so and why, whatever statement the database named.
 *
 * <p>The SQL is plain JDBC, so neither the replay path nor the append path builds managed entities,
 * and the caller's persistence unit needs no entity classes of the store. On a caller's
 * EntityManager, or on EntityManagers of the caller's factory, it runs through
 * {@link Session#doReturningWork} on the session's connection; a store built from a JDBC URL runs
 * its own work straight on a connection of its own pool, with no EntityManager around it.
 */
final class Transactions {

    /** SQL to run on a connection. */
    interface Work<T> {
        T run(Connection connection, SqlDialect dialect) throws SQLException;
    }

    private static final BooleanSupplier ALWAYS = () -> true;

    /** How work runs when the store runs it itself, outside a caller's transaction. */
    private enum Mode {
        /** In a transaction of its own: several statements that must commit together. */
        TRANSACTION,
        /** In auto-commit mode: one write statement, atomic by itself, its own commit. */
        ONE_STATEMENT_WRITE,
        /** In auto-commit mode: reads, each statement on its own. */
        READ
    }

    private final EntityManagerFactory factory;
    private final Supplier<EntityManager> current;
    private final Runnable evictConnections;
    private final DataSource ownPool;
    private volatile SqlDialect dialect;

    /**
     * @param factory where the store opens the EntityManagers of its own transactions
     * @param current the caller's current EntityManager, or null; its supplier may return null
     * @param evictConnections when the store owns the pool: retires its pooled connections, which a
     *     lost connection shows may all be dead (the database restarted); null otherwise
     * @param ownPool when the store owns the pool: where its own work takes its connections, with no
     *     EntityManager around them; null when the work runs on EntityManagers of {@code factory}
     */
    Transactions(EntityManagerFactory factory, Supplier<EntityManager> current, Runnable evictConnections, DataSource ownPool) {
        this.factory = factory;
        this.current = current;
        this.evictConnections = evictConnections;
        this.ownPool = ownPool;
    }

    /**
     * Runs {@code work} in the caller's transaction under a savepoint, or in a transaction of its
     * own; either way it is undone whole if it throws.
     *
     * @param doing what the store is doing, for error messages
     * @param table the table a failure most likely concerns, or null
     */
    <T> T write(Supplier<String> doing, String table, Work<T> work) {
        return write(doing, table, dialect -> false, work);
    }

    /**
     * Like {@link #write(Supplier, String, Work)}, for work that may be one statement, atomic by
     * itself: outside a caller's transaction, such work runs in auto-commit mode, which saves the
     * transaction's commit round trip. A connection lost during it leaves its outcome unknown, as
     * during a commit: it is never run again.
     *
     * @param oneStatement whether, on this database, the work is a single statement
     */
    <T> T write(Supplier<String> doing, String table, Predicate<SqlDialect> oneStatement, Work<T> work) {
        try {
            return writeOnce(doing, table, oneStatement, work);
        } catch (RuntimeException failure) {
            if (!SqlFailures.isReadOnly(failure)) {
                throw failure;
            }
            throw readOnly(doing, failure);
        }
    }

    private <T> T writeOnce(Supplier<String> doing, String table, Predicate<SqlDialect> oneStatement, Work<T> work) {
        EntityManager joined = joinedEntityManager();
        if (joined == null) {
            SqlDialect known = dialect;
            return inOwnTransaction(doing, table, work, ALWAYS,
                    known != null && oneStatement.test(known) ? Mode.ONE_STATEMENT_WRITE : Mode.TRANSACTION);
        }
        return run(joined, doing, table, (connection, sqlDialect) -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                T result = work.run(connection, sqlDialect);
                connection.releaseSavepoint(savepoint);
                return result;
            } catch (Throwable failure) {
                try {
                    connection.rollback(savepoint);
                } catch (SQLException rollbackFailure) {
                    failure.addSuppressed(rollbackFailure);
                }
                throw failure;
            }
        });
    }

    /**
     * The exception for a write the database refused as read-only, saying why: the database's own
     * words name the statement ("cannot execute SELECT in a read-only transaction"), not the cause.
     * The write was undone whole (its statement, transaction or savepoint failed), so nothing was
     * stored; one read asks the database why, on this failure path only.
     */
    private EventStoreException readOnly(Supplier<String> doing, RuntimeException failure) {
        SqlFailures.ReadOnly why;
        try {
            why = read(() -> "asking the database why it refused to write", null,
                    (connection, sqlDialect) -> sqlDialect.whyReadOnly(connection));
        } catch (RuntimeException unknown) {
            failure.addSuppressed(unknown);
            why = SqlFailures.ReadOnly.UNKNOWN;
        }
        Throwable cause = failure instanceof EventStoreException && failure.getCause() != null ? failure.getCause() : failure;
        EventStoreException readOnly = SqlFailures.readOnly(doing.get(), why, cause);
        for (Throwable suppressed : failure.getSuppressed()) {
            readOnly.addSuppressed(suppressed);
        }
        return readOnly;
    }

    /**
     * Runs {@code work} in the caller's transaction, or outside any transaction, in auto-commit
     * mode: the store's reads are single statements (a stream is read in pages, one statement
     * each), which need no transaction of their own, and so no BEGIN or COMMIT round trip.
     */
    <T> T read(Supplier<String> doing, String table, Work<T> work) {
        return read(doing, table, work, ALWAYS);
    }

    /**
     * Like {@link #read(Supplier, String, Work)}, for work with effects outside the database.
     *
     * @param retrySafe after a failure, whether running the work again would repeat nothing the
     *     caller has seen (a read hands rows to a consumer: safe only before the first)
     */
    <T> T read(Supplier<String> doing, String table, Work<T> work, BooleanSupplier retrySafe) {
        EntityManager joined = joinedEntityManager();
        return joined == null ? inOwnTransaction(doing, table, work, retrySafe, Mode.READ) : run(joined, doing, table, work);
    }

    private EntityManager joinedEntityManager() {
        if (current == null) {
            return null;
        }
        EntityManager candidate = current.get();
        return candidate != null && candidate.isOpen() && candidate.isJoinedToTransaction() ? candidate : null;
    }

    /**
     * Runs the work in a transaction of the store's own. When the store owns the pool and the
     * connection turns out dead before the commit was sent (the database restarted since it was
     * pooled), nothing was committed: the pool's connections are retired and the work runs once
     * more, on a new connection, if that repeats nothing the caller has seen.
     */
    private <T> T inOwnTransaction(Supplier<String> doing, String table, Work<T> work, BooleanSupplier retrySafe, Mode mode) {
        boolean[] committing = new boolean[1];
        try {
            return attemptOnce(doing, table, work, committing, mode);
        } catch (RuntimeException failure) {
            // A pool timeout already waited as long as the caller allows: only a broken pooled
            // connection is worth replacing and retrying.
            if (evictConnections == null || !SqlFailures.isConnectionFailure(failure)
                    || SqlFailures.matches(failure, SQLTransientConnectionException.class::isInstance)) {
                throw failure;
            }
            evictConnections.run();
            if (committing[0] || !retrySafe.getAsBoolean()) {
                throw failure;
            }
            try {
                return attemptOnce(doing, table, work, committing, mode);
            } catch (RuntimeException again) {
                again.addSuppressed(failure);
                throw again;
            }
        }
    }

    private <T> T attemptOnce(Supplier<String> doing, String table, Work<T> work, boolean[] committing, Mode mode) {
        if (ownPool != null) {
            return onOwnPool(doing, table, work, committing, mode);
        }
        return mode == Mode.TRANSACTION ? attempt(doing, table, work, committing)
                : attemptAutoCommit(doing, table, work, committing, mode == Mode.ONE_STATEMENT_WRITE);
    }

    /**
     * Runs the work on a connection of the store's own pool, with no EntityManager: the store owns
     * the pool and needs nothing of Hibernate's session for plain JDBC, whose creation costs more
     * than a short statement on a busy machine. The pool hands connections out with auto-commit off.
     */
    private <T> T onOwnPool(Supplier<String> doing, String table, Work<T> work, boolean[] committing, Mode mode) {
        Connection connection;
        try {
            connection = ownPool.getConnection();
        } catch (SQLException e) {
            throw SqlFailures.translate(e, doing.get(), null);
        }
        try {
            SqlDialect sqlDialect = dialect(connection);
            if (mode != Mode.TRANSACTION) {
                connection.setAutoCommit(true);
                try {
                    committing[0] = mode == Mode.ONE_STATEMENT_WRITE;
                    return work.run(connection, sqlDialect);
                } finally {
                    restoreManualCommit(connection);
                }
            }
            T result;
            try {
                result = work.run(connection, sqlDialect);
            } catch (SQLException | RuntimeException | Error failure) {
                rollbackQuietly(connection, failure);
                throw failure;
            }
            committing[0] = true;
            try {
                connection.commit();
            } catch (SQLException e) {
                rollbackQuietly(connection, e);
                throw SqlFailures.translate(e, doing.get() + " (while committing; if the connection was lost, whether"
                        + " the transaction committed is unknown)", table);
            }
            return result;
        } catch (SQLException e) {
            if (committing[0] && mode == Mode.ONE_STATEMENT_WRITE && SqlFailures.isConnectionFailure(e)) {
                throw SqlFailures.translate(e, doing.get() + " (the statement is its own commit: if the"
                        + " connection was lost, whether it committed is unknown)", table);
            }
            throw SqlFailures.translate(e, doing.get(), table);
        } finally {
            closeQuietly(connection);
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Returns the connection to the pool; a failure to do so cannot undo what was done on it. */
    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The pool retires a connection it cannot take back.
        }
    }

    private <T> T attempt(Supplier<String> doing, String table, Work<T> work, boolean[] committing) {
        EntityManager entityManager;
        EntityTransaction transaction;
        try {
            entityManager = factory.createEntityManager();
        } catch (RuntimeException e) {
            throw SqlFailures.translate(e, doing.get(), null);
        }
        try {
            transaction = entityManager.getTransaction();
            try {
                transaction.begin();
            } catch (RuntimeException e) {
                throw SqlFailures.translate(e, doing.get(), null);
            }
            T result;
            try {
                result = run(entityManager, doing, table, work);
            } catch (RuntimeException | Error failure) {
                rollbackQuietly(transaction, failure);
                throw failure;
            }
            committing[0] = true;
            try {
                transaction.commit();
            } catch (RuntimeException e) {
                rollbackQuietly(transaction, e);
                throw SqlFailures.translate(e, doing.get() + " (while committing; if the connection was lost, whether"
                        + " the transaction committed is unknown)", table);
            }
            return result;
        } finally {
            entityManager.close();
        }
    }

    /**
     * Runs work of self-contained statements (reads, or one write) in auto-commit mode on an
     * EntityManager of its own, with no transaction around it: a write's execution is its commit,
     * one round trip in all.
     */
    private <T> T attemptAutoCommit(Supplier<String> doing, String table, Work<T> work, boolean[] committing, boolean write) {
        EntityManager entityManager;
        try {
            entityManager = factory.createEntityManager();
        } catch (RuntimeException e) {
            throw SqlFailures.translate(e, doing.get(), null);
        }
        try {
            return run(entityManager, doing, table, (connection, sqlDialect) -> {
                boolean wasAutoCommit = connection.getAutoCommit();
                if (!wasAutoCommit) {
                    connection.setAutoCommit(true);
                }
                try {
                    committing[0] = write;
                    return work.run(connection, sqlDialect);
                } catch (SQLException e) {
                    if (write && SqlFailures.isConnectionFailure(e)) {
                        throw SqlFailures.translate(e, doing.get() + " (the statement is its own commit: if the"
                                + " connection was lost, whether it committed is unknown)", table);
                    }
                    throw e;
                } finally {
                    if (!wasAutoCommit) {
                        restoreManualCommit(connection);
                    }
                }
            });
        } finally {
            entityManager.close();
        }
    }

    /** Back to the mode the pool handed the connection out in; a dead connection is the pool's to retire. */
    private static void restoreManualCommit(Connection connection) {
        try {
            connection.setAutoCommit(false);
        } catch (SQLException ignored) {
            // The connection is broken: the pool validates it before handing it out again.
        }
    }

    private static void rollbackQuietly(EntityTransaction transaction, Throwable failure) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /**
     * Runs the work on the EntityManager's connection. What the work throws propagates unchanged
     * (it translates its own SQL failures, and a consumer's exceptions must reach the caller);
     * what Hibernate throws before the work starts (no connection) is translated.
     */
    private <T> T run(EntityManager entityManager, Supplier<String> doing, String table, Work<T> work) {
        boolean[] started = new boolean[1];
        try {
            return entityManager.unwrap(Session.class).doReturningWork(connection -> {
                started[0] = true;
                try {
                    return work.run(connection, dialect(connection));
                } catch (SQLException e) {
                    throw SqlFailures.translate(e, doing.get(), table);
                }
            });
        } catch (RuntimeException e) {
            if (started[0]) {
                throw e;
            }
            throw SqlFailures.translate(e, doing.get(), table);
        }
    }

    private SqlDialect dialect(Connection connection) throws SQLException {
        SqlDialect known = dialect;
        if (known == null) {
            known = SqlDialect.of(connection);
            dialect = known;
        }
        return known;
    }
}
