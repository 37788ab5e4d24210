package io.eventum.benchmarks.floor;

import com.zaxxer.hikari.HikariDataSource;
import io.eventum.benchmarks.db.Pools;
import io.eventum.benchmarks.db.PostgresDatabase;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * The JDBC append floor on PostgreSQL: a new aggregate's batch of 1, 10 or 100 events inserted with
 * the key (aggregate_id, version) in one transaction (begin, the insert or one JDBC batch, commit)
 * on a pooled connection with auto-commit off, as {@link FloorRows} does it. The table is emptied
 * before every iteration, as the append benchmarks' stores are.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FloorJdbcPostgresAppend {

    /** How many events one append carries. */
    @Param({"1", "10", "100"})
    public int batch;

    private PostgresDatabase database;
    private HikariDataSource transactional;

    /** Starts the database and creates the table, once per trial. */
    @Setup(Level.Trial)
    public void start() throws SQLException {
        database = new PostgresDatabase();
        transactional = Pools.pool("floor", database.jdbcUrl(), database.user(), database.password(), false);
        try (Connection connection = database.dataSource().getConnection()) {
            FloorRows.createTable(connection);
        }
    }

    /** An empty table for each iteration. */
    @Setup(Level.Iteration)
    public void empty() throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE floor_events");
        }
    }

    /** One append: one transaction. */
    @Benchmark
    public void append() throws SQLException {
        try (Connection connection = transactional.getConnection()) {
            FloorRows.appendNewAggregate(connection, batch);
        }
    }

    /** Stops the database. */
    @TearDown(Level.Trial)
    public void stop() {
        transactional.close();
        database.close();
    }
}
