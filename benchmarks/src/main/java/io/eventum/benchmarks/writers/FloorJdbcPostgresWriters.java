package io.eventum.benchmarks.writers;

import com.zaxxer.hikari.HikariDataSource;
import io.eventum.benchmarks.db.Pools;
import io.eventum.benchmarks.db.PostgresDatabase;
import io.eventum.benchmarks.floor.FloorRows;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The JDBC floor for many writers: each append inserts one row of a new aggregate and commits, on
 * a pooled connection with auto-commit off ({@link FloorRows}); nothing orders the writers.
 */
public class FloorJdbcPostgresWriters extends WritersBenchmark {

    private PostgresDatabase database;
    private HikariDataSource transactional;

    @Override
    protected void start() {
        database = new PostgresDatabase();
        transactional = Pools.pool("floor", database.jdbcUrl(), database.user(), database.password(), false);
        try (Connection connection = database.dataSource().getConnection()) {
            FloorRows.createTable(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("creating the floor's table", e);
        }
    }

    @Override
    protected void appendOneEvent() {
        try (Connection connection = transactional.getConnection()) {
            FloorRows.appendNewAggregate(connection, 1);
        } catch (SQLException e) {
            throw new IllegalStateException("the floor's append failed", e);
        }
    }

    @Override
    protected void stop() {
        transactional.close();
        database.close();
    }
}
