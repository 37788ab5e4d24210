package io.eventum.store.jpa;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * What differs between the databases the store runs on: how a JSON value is bound, how positions
 * are taken and read, how a snapshot is upserted, which DDL resource creates the schema, how a table
 * is looked up, and how a database says why it is read-only. Everything else is plain SQL that
 * PostgreSQL, H2 and most other databases share.
 */
enum SqlDialect {

    /** PostgreSQL 12 and later. */
    POSTGRESQL("schema-postgresql.sql", "CAST(? AS jsonb)",
            // Appends on PostgreSQL take no counter: positions come from transaction ids.
            null,
            "INSERT INTO " + Tables.SNAPSHOTS + " (aggregate_id, version, type_name, state, taken_at) VALUES (?, ?, ?, CAST(? AS jsonb), ?)"
                    + " ON CONFLICT (aggregate_id) DO UPDATE SET version = EXCLUDED.version, type_name = EXCLUDED.type_name,"
                    + " state = EXCLUDED.state, taken_at = EXCLUDED.taken_at"
                    // Saving an older snapshot must never replace a newer one; the same version replaces.
                    + " WHERE " + Tables.SNAPSHOTS + ".version <= EXCLUDED.version"),

    /** H2 2.x. */
    H2("schema-h2.sql", "? FORMAT JSON",
            // H2's data change delta table returns the incremented value in the same round trip.
            "SELECT last_position FROM FINAL TABLE (UPDATE " + Tables.POSITIONS
                    + " SET last_position = last_position + ? WHERE id = 1)",
            null),

    /** Any other database: portable SQL, no shipped DDL, not covered by the tests. */
    STANDARD(null, "?", null, null);

    private final String schemaResource;
    private final String jsonParameter;
    private final String reservePositionsSql;
    private final String upsertSnapshotSql;

    SqlDialect(String schemaResource, String jsonParameter, String reservePositionsSql, String upsertSnapshotSql) {
        this.schemaResource = schemaResource;
        this.jsonParameter = jsonParameter;
        this.reservePositionsSql = reservePositionsSql;
        this.upsertSnapshotSql = upsertSnapshotSql;
    }

    /** The dialect of the database behind {@code connection}; the driver caches the product name. */
    static SqlDialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if (product != null && product.toLowerCase(Locale.ROOT).contains("postgresql")) {
            return POSTGRESQL;
        }
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        return STANDARD;
    }

    /** The classpath resource holding this dialect's DDL, or null when none is shipped. */
    String schemaResource() {
        return schemaResource == null ? null : "io/eventum/store/jpa/" + schemaResource;
    }

    /** The SQL placeholder for a JSON value bound with {@link #bindJson}. */
    String jsonParameter() {
        return jsonParameter;
    }

    /**
     * Binds UTF-8 JSON text, as a string that the placeholder from {@link #jsonParameter} turns into
     * the column's JSON type: PostgreSQL's {@code jsonb} and H2's {@code JSON} parse it (a payload
     * that is not JSON fails here), and keep an equal JSON value, not the same text: jsonb orders
     * keys its own way and both drop insignificant whitespace.
     */
    void bindJson(PreparedStatement statement, int index, byte[] json) throws SQLException {
        statement.setString(index, new String(json, StandardCharsets.UTF_8));
    }

    /**
     * SQL that adds its one parameter to the position counter and returns the new value in one
     * round trip; null when the dialect needs an UPDATE followed by a SELECT.
     */
    String reservePositionsSql() {
        return reservePositionsSql;
    }

    /**
     * SQL that stores a snapshot unless a newer one is stored, in one statement; parameters are
     * aggregate id, version, type, state and timestamp. Null when the dialect uses the portable
     * update-then-insert sequence.
     */
    String upsertSnapshotSql() {
        return upsertSnapshotSql;
    }

    /**
     * Whether an append inserts its rows, positions included, in one statement ({@link EventArrays},
     * PostgreSQL: one round trip, no counter), rather than a counter update followed by a JDBC
     * batch of row inserts (H2 runs in the JVM, where a round trip costs nothing).
     */
    boolean appendsInOneStatement() {
        return this == POSTGRESQL;
    }

    /**
     * A scalar SQL expression: only positions below it may be read, on databases whose positions
     * are not handed out in commit order (PostgreSQL, {@link TransactionPositions}); null where
     * every committed position is readable (the counter row's databases).
     */
    String readableHorizonSql() {
        return this == POSTGRESQL ? TransactionPositions.HORIZON_SQL : null;
    }

    /** Whether {@code e} reports a duplicate key. */
    boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState()) || (this == STANDARD && e.getSQLState() != null && e.getSQLState().startsWith("23"));
    }

    /**
     * Whether the store's statements find {@code table}, named unquoted as they name it: on
     * PostgreSQL anywhere on the search_path (the first schema on it that has one), elsewhere in
     * the connection's current schema. Reads only.
     */
    boolean tableExists(Connection connection, String table) throws SQLException {
        if (this == POSTGRESQL) {
            try (PreparedStatement lookup = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
                lookup.setString(1, table);
                try (ResultSet found = lookup.executeQuery()) {
                    return found.next() && found.getBoolean(1);
                }
            }
        }
        DatabaseMetaData metadata = connection.getMetaData();
        String stored = metadata.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT)
                : metadata.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
        // The name is a pattern: escape its underscores, which match any character.
        String escape = metadata.getSearchStringEscape();
        String pattern = escape == null || escape.isEmpty() ? stored : stored.replace("_", escape + "_");
        try (ResultSet tables = metadata.getTables(connection.getCatalog(), connection.getSchema(), pattern, null)) {
            while (tables.next()) {
                if (stored.equals(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Why the database behind {@code connection} refuses to write, asked after it refused with
     * {@link SqlFailures#isReadOnly}: whether it is a replica, in read-only mode, or only the
     * transaction is read-only. Reads only.
     */
    SqlFailures.ReadOnly whyReadOnly(Connection connection) throws SQLException {
        if (this == POSTGRESQL) {
            try (Statement query = connection.createStatement();
                 ResultSet state = query.executeQuery("SELECT pg_is_in_recovery(), current_setting('default_transaction_read_only'),"
                         + " current_setting('transaction_read_only')")) {
                state.next();
                return state.getBoolean(1) ? SqlFailures.ReadOnly.REPLICA
                        : "on".equals(state.getString(2)) ? SqlFailures.ReadOnly.READ_ONLY_MODE
                        : "on".equals(state.getString(3)) ? SqlFailures.ReadOnly.READ_ONLY_TRANSACTION
                        : SqlFailures.ReadOnly.UNKNOWN;
            }
        }
        if (this == H2) {
            try (Statement query = connection.createStatement(); ResultSet state = query.executeQuery("SELECT READONLY()")) {
                if (state.next() && state.getBoolean(1)) {
                    return SqlFailures.ReadOnly.READ_ONLY_MODE;
                }
            }
        }
        return connection.isReadOnly() ? SqlFailures.ReadOnly.READ_ONLY_TRANSACTION : SqlFailures.ReadOnly.UNKNOWN;
    }
}
