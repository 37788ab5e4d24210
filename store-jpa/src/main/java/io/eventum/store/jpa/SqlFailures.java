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
 * be reached, or a table is missing (named), or the database's own message.
 */
final class SqlFailures {

    private SqlFailures() {
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
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        return matches(failure, test, seen);
    }

    private static boolean matches(Throwable failure, Predicate<SQLException> test, Map<Throwable, Boolean> seen) {
        if (failure == null || seen.put(failure, Boolean.TRUE) != null) {
            return false;
        }
        if (failure instanceof SQLException sql && (test.test(sql) || matches(sql.getNextException(), test, seen))) {
            return true;
        }
        return matches(failure.getCause(), test, seen);
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

    /** The most specific message in the chain: the database's own words, with its SQL state. */
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
        if (deepest instanceof SQLException sql && sql.getSQLState() != null && !message.contains(sql.getSQLState())) {
            message += " [SQL state " + sql.getSQLState() + "]";
        }
        return message;
    }
}
