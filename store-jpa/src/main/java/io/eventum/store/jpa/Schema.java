package io.eventum.store.jpa;

import io.eventum.application.store.EventStoreException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the DDL resource shipped for the database, only when asked to
 * ({@link JpaEventStoreBuilder#createSchema(boolean)}). Every statement in it is idempotent.
 */
final class Schema {

    private Schema() {
    }

    static void create(Transactions transactions) {
        transactions.write(() -> "creating the store's tables", null, (connection, dialect) -> {
            run(connection, dialect);
            return null;
        });
    }

    private static void run(Connection connection, SqlDialect dialect) throws SQLException {
        if (dialect.schemaResource() == null) {
            throw new EventStoreException("creating the store's tables failed: no DDL ships for "
                    + connection.getMetaData().getDatabaseProductName()
                    + "; adapt io/eventum/store/jpa/schema-postgresql.sql and run it yourself");
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(dialect.schemaResource())) {
                statement.execute(sql);
            }
        }
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
