package io.eventum.store.jpa;

import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.StoreUnavailableException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns what JDBC, Hibernate and the pool throw into {@link EventStoreException}s whose message
 * says what the store was doing, and why it failed in words a user can act on: the database cannot
 * be reached, or a table is missing (named), or the database is read-only, or the database's own
 * message, cut to {@value #MAX_DATABASE_MESSAGE} characters.
 */
final class SqlFailures {

    /**
     * How much of the database's own message a message repeats, in characters: a database may echo
     * a refused value whole (PostgreSQL's detail and context lines quote it), and a value may be
     * megabytes long.
     */
    static final int MAX_DATABASE_MESSAGE = 300;

    /** read_only_sql_transaction, the standard's state for a write refused as read-only. */
    private static final String READ_ONLY_STATE = "25006";
    /** H2's "The database is read only", which it reports under SQL state 90097 too. */
    private static final int H2_DATABASE_IS_READ_ONLY = 90097;
    private static final String WRITES = "the store writes (appends, snapshots, tracking records, creating its schema)";
    private static final String ON_PRIMARY = WRITES + " only on the primary database; a replica serves reads and followers";

    /** Why a database refused to write, as far as the store can tell; see {@link SqlDialect#whyReadOnly}. */
    enum ReadOnly {
        /** A replica: a PostgreSQL standby in recovery, which only its primary writes to. */
        REPLICA("the database is read-only: it is a replica (a standby in recovery), which only replication writes to",
                ON_PRIMARY),
        /** The database, or the session, is set read-only (default_transaction_read_only, H2's read-only mode). */
        READ_ONLY_MODE("the database is read-only: it is in read-only mode", WRITES
                + " only on a database that accepts writes (the primary, where there are replicas); reads work here"),
        /** Only this transaction is read-only: the caller's, or one on a connection set read-only. */
        READ_ONLY_TRANSACTION("the transaction is read-only (the caller's transaction, or a connection set read-only)",
                "write in a read-write transaction"),
        /** The database said it is read-only and the store could not tell why. */
        UNKNOWN("the database is read-only (a replica, or in read-only mode)", ON_PRIMARY);

        private final String explanation;
        private final String advice;

        ReadOnly(String explanation, String advice) {
            this.explanation = explanation;
            this.advice = advice;
        }
    }

    private SqlFailures() {
    }

    /**
     * The store exception for a write the database refused as read-only ({@link #isReadOnly}).
     *
     * @param doing what the store was doing, as "appending 3 events"
     * @param why why the database is read-only
     * @param failure what the database threw; the exception's cause
     */
    static EventStoreException readOnly(String doing, ReadOnly why, Throwable failure) {
        return new EventStoreException(doing + " failed: " + why.explanation + ". Nothing was stored: " + why.advice
                + " [SQL state " + readOnlyState(failure) + "]", failure);
    }

    /**
     * Whether the database refused a write because it is read-only: SQL state 25006
     * (read_only_sql_transaction: a PostgreSQL standby, default_transaction_read_only, a read-only
     * transaction), or H2's "database is read only" (90097).
     */
    static boolean isReadOnly(Throwable failure) {
        return matches(failure, SqlFailures::reportsReadOnly);
    }

    private static boolean reportsReadOnly(SQLException e) {
        return READ_ONLY_STATE.equals(e.getSQLState())
                || (e.getClass().getName().startsWith("org.h2.") && e.getErrorCode() == H2_DATABASE_IS_READ_ONLY);
    }

    private static String readOnlyState(Throwable failure) {
        SQLException refusal = find(failure, SqlFailures::reportsReadOnly);
        return refusal == null || refusal.getSQLState() == null ? READ_ONLY_STATE : refusal.getSQLState();
    }

    /**
     * The store exception for {@code failure}.
     *
     * @param doing what the store was doing, as "appending 3 events"
     * @param table the table the failing statement used, or null when unknown
     */
    static EventStoreException translate(Throwable failure, String doing, String table) {
        if (failure instanceof EventStoreException known) {
            return known;
        }
        if (isUndefinedTable(failure)) {
            String what = table == null ? "a table of the store does not exist" : "table " + table + " does not exist";
            return new EventStoreException(doing + " failed: " + what
                    + "; create the schema (JpaEventStoreBuilder.createSchema(true), or run the DDL in"
                    + " io/eventum/store/jpa/schema-<database>.sql): " + rootMessage(failure), failure);
        }
        if (isConnectionFailure(failure)) {
            return new StoreUnavailableException(doing + " failed: cannot reach the database: " + rootMessage(failure), failure);
        }
        return new EventStoreException(doing + " failed: " + rootMessage(failure), failure);
    }

    /** Whether {@code failure}, or anything it wraps or chains, is an SQLException matching {@code test}. */
    static boolean matches(Throwable failure, Predicate<SQLException> test) {
        return find(failure, test) != null;
    }

    /** The first SQLException matching {@code test} in {@code failure}, what it wraps or chains; or null. */
    static SQLException find(Throwable failure, Predicate<SQLException> test) {
        return find(failure, test, new IdentityHashMap<>());
    }

    private static SQLException find(Throwable failure, Predicate<SQLException> test, Map<Throwable, Boolean> seen) {
        if (failure == null || seen.put(failure, Boolean.TRUE) != null) {
            return null;
        }
        if (failure instanceof SQLException sql) {
            if (test.test(sql)) {
                return sql;
            }
            SQLException chained = find(sql.getNextException(), test, seen);
            if (chained != null) {
                return chained;
            }
        }
        return find(failure.getCause(), test, seen);
    }

    /** Whether the database, the driver or the pool reports a lost or refused connection. */
    static boolean isConnectionFailure(Throwable failure) {
        if (matches(failure, e -> e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException
                || (e.getSQLState() != null && (e.getSQLState().startsWith("08") || e.getSQLState().startsWith("57P"))))) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause.getClass().getSimpleName().equals("JDBCConnectionException")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** Whether {@code failure} reports a missing table. */
    static boolean isUndefinedTable(Throwable failure) {
        return matches(failure, SqlFailures::reportsUndefinedTable);
    }

    /** PostgreSQL's undefined_table, the standard's base table not found, and H2's three variants of it. */
    private static boolean reportsUndefinedTable(SQLException e) {
        String state = e.getSQLState();
        return "42P01".equals(state) || "42S02".equals(state)
                || (e.getClass().getName().startsWith("org.h2.") && e.getErrorCode() >= 42102 && e.getErrorCode() <= 42104);
    }

    /**
     * The most specific message in the chain: the database's own words, cut after
     * {@value #MAX_DATABASE_MESSAGE} characters (saying so), with its SQL state.
     */
    static String rootMessage(Throwable failure) {
        // The deepest SQLException speaks the database's words; below it are socket errors.
        Throwable deepest = failure;
        Throwable deepestSql = null;
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            deepest = cause;
            if (cause instanceof SQLException sql) {
                deepestSql = sql.getNextException() != null ? sql.getNextException() : sql;
            }
        }
        if (deepestSql != null) {
            deepest = deepestSql;
        }
        String message = deepest.getMessage() != null ? deepest.getMessage() : failure.getMessage();
        if (message == null) {
            return deepest.getClass().getName();
        }
        message = cut(message);
        if (deepest instanceof SQLException sql && sql.getSQLState() != null && !message.contains(sql.getSQLState())) {
            message += " [SQL state " + sql.getSQLState() + "]";
        }
        return message;
    }

    /** {@code message} as it is when short, else its start and how long it was. */
    static String cut(String message) {
        if (message.length() <= MAX_DATABASE_MESSAGE) {
            return message;
        }
        int end = MAX_DATABASE_MESSAGE;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end) + "... (cut: the database's message has " + message.length() + " characters)";
    }
}
