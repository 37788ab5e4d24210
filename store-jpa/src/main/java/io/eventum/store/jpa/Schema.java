package io.eventum.store.jpa;

import io.eventum.application.store.EventStoreException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates what is missing of the store's schema, only when asked to
 * ({@link JpaEventStoreBuilder#createSchema(boolean)}), from the DDL resource shipped for the
 * database.
 *
 * <p>It first reads which of the store's tables exist (and, for a table the DDL fills with a row,
 * whether it has one), then runs only the statements that make what is missing. The DDL declares
 * each table's keys, and so their indexes, inside its {@code CREATE TABLE}: a table that exists is
 * taken as it is (a key dropped by hand is not put back, as {@code IF NOT EXISTS} never did). When
 * everything exists it writes nothing, so the same configuration serves a primary and its
 * read-only replicas: a replica refuses every write, even a {@code CREATE TABLE IF NOT EXISTS} of
 * a table it has. When something is missing on a read-only database, the write fails naming what
 * is missing (see {@link Transactions}). Every statement of the DDL is idempotent too, so two
 * stores creating the schema at once do no harm.
 */
final class Schema {

    private static final Pattern CREATE_TABLE = Pattern.compile("CREATE\\s+TABLE\\s+IF\\s+NOT\\s+EXISTS\\s+(\\w+)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INSERT_ROW = Pattern.compile("INSERT\\s+INTO\\s+(\\w+)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /**
     * One statement of the DDL and what it makes: a table, or (seed) the first row of a table,
     * which the statement inserts only into an empty table.
     */
    record Ddl(String sql, String table, boolean seed) {

        /** What this statement makes, as a message names it. */
        String makes() {
            return seed ? "the row of table " + table : "table " + table;
        }
    }

    private Schema() {
    }

    static void create(Transactions transactions) {
        List<Ddl> missing = transactions.read(() -> "checking which of the store's tables exist", null, Schema::missing);
        if (missing.isEmpty()) {
            return;
        }
        String what = String.join(", ", missing.stream().map(Ddl::makes).toList());
        transactions.write(() -> "creating the store's schema (missing: " + what + ")", null, (connection, dialect) -> {
            try (Statement statement = connection.createStatement()) {
                for (Ddl ddl : missing) {
                    statement.execute(ddl.sql());
                }
            }
            return null;
        });
    }

    /** The statements of the database's DDL that make what is missing, in the DDL's order. Reads only. */
    private static List<Ddl> missing(Connection connection, SqlDialect dialect) throws SQLException {
        if (dialect.schemaResource() == null) {
            throw new EventStoreException("creating the store's tables failed: no DDL ships for "
                    + connection.getMetaData().getDatabaseProductName()
                    + "; adapt io/eventum/store/jpa/schema-postgresql.sql and run it yourself");
        }
        List<Ddl> missing = new ArrayList<>();
        Set<String> present = new HashSet<>();
        Set<String> absent = new HashSet<>();
        for (Ddl ddl : ddl(dialect.schemaResource())) {
            String table = ddl.table();
            if (!present.contains(table) && !absent.contains(table)) {
                (dialect.tableExists(connection, table) ? present : absent).add(table);
            }
            if (absent.contains(table) || (ddl.seed() && isEmpty(connection, table))) {
                missing.add(ddl);
            }
        }
        return missing;
    }

    private static boolean isEmpty(Connection connection, String table) throws SQLException {
        try (Statement query = connection.createStatement(); ResultSet row = query.executeQuery("SELECT 1 FROM " + table)) {
            return !row.next();
        }
    }

    /**
     * The statements of a DDL resource and what each makes.
     *
     * @throws IllegalStateException if the resource holds a statement whose effect the store cannot
     *     check before running it (anything but {@code CREATE TABLE IF NOT EXISTS} and a seeding
     *     {@code INSERT INTO})
     */
    static List<Ddl> ddl(String resource) {
        List<Ddl> ddl = new ArrayList<>();
        for (String sql : statements(resource)) {
            Matcher table = CREATE_TABLE.matcher(sql);
            Matcher row = INSERT_ROW.matcher(sql);
            if (table.matches()) {
                ddl.add(new Ddl(sql, table.group(1).toLowerCase(Locale.ROOT), false));
            } else if (row.matches()) {
                ddl.add(new Ddl(sql, row.group(1).toLowerCase(Locale.ROOT), true));
            } else {
                throw new IllegalStateException(resource + " holds a statement whose effect the store cannot check before"
                        + " running it (Schema knows CREATE TABLE IF NOT EXISTS and INSERT INTO): " + sql);
            }
        }
        return ddl;
    }

    /** The statements of a DDL resource: split at semicolons ending a line, comment lines dropped. */
    static List<String> statements(String resource) {
        String text;
        try (InputStream in = Schema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new EventStoreException("the DDL resource " + resource + " is missing from the classpath");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return statements;
    }
}
