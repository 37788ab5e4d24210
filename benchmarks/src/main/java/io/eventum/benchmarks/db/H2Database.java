package io.eventum.benchmarks.db;

import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh in-memory H2 database (H2's default settings), kept open while the pool is, and gone when
 * it is closed.
 */
public final class H2Database implements Database {

    private static final AtomicInteger COUNT = new AtomicInteger();

    private final String jdbcUrl;
    private final HikariDataSource pool;

    /** Opens a new, empty in-memory database. */
    public H2Database() {
        // DB_CLOSE_DELAY=-1 keeps the database while the pool churns connections; close() drops it.
        this.jdbcUrl = "jdbc:h2:mem:bench" + COUNT.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        this.pool = Pools.pool("h2", jdbcUrl, user(), password());
    }

    @Override
    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public String user() {
        return "sa";
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
        // The pool's connections are gone; one last plain connection drops the database.
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("shutting down " + jdbcUrl, e);
        }
    }
}
