package io.eventum.benchmarks.floor;

import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.benchmarks.EventumStores;
import io.eventum.benchmarks.Workload;
import io.eventum.benchmarks.db.PostgresDatabase;
import io.eventum.domain.AggregateType;
import io.eventum.examples.ddd.ExampleAggregateRoot;
import io.eventum.examples.ddd.ExampleDDDApplication;
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
import tools.jackson.databind.ObjectReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The JDBC load floor on PostgreSQL: the rows Eventum's JPA store wrote for one aggregate of N
 * events (the same table, the same embedded PostgreSQL as {@code EventumJpaPostgresReplay}), read
 * with ONE prepared query ordered by version on a pooled auto-commit connection, each payload
 * decoded with a cached Jackson {@link ObjectReader} and applied through the mutator. No store, no
 * transaction, no type lookup, no metadata, no streaming (the driver fetches every row of an
 * auto-commit query at once): what a load cannot do with less.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FloorJdbcPostgresReplay {

    private static final String LOAD_SQL =
            "SELECT version, payload, occurred_at FROM eventum_events WHERE aggregate_id = ? ORDER BY version";
    private static final AggregateType<ExampleAggregateRoot, ExampleAggregateRoot.Event> TYPE = ExampleAggregateRoot.TYPE;

    /** How many events the aggregate has: one Created, then ExampleCreated. */
    @Param({"10", "1000", "100000"})
    public int events;

    private PostgresDatabase database;
    private UUID id;
    private ObjectReader createdReader;
    private ObjectReader exampleCreatedReader;

    /** Stores the aggregate once per trial through Eventum, then checks that the floor loads it whole. */
    @Setup(Level.Trial)
    public void populate() throws SQLException {
        database = new PostgresDatabase();
        try (ExampleDDDApplication app = new ExampleDDDApplication(EventumStores.jpa(database))) {
            id = Workload.populate(app, events);
        }
        // Eventum's default mapper, so both decode with the same modules and features.
        createdReader = JacksonEventCodec.defaultMapper().readerFor(ExampleAggregateRoot.Created.class);
        exampleCreatedReader = JacksonEventCodec.defaultMapper().readerFor(ExampleAggregateRoot.ExampleCreated.class);
        Workload.requireExamples(load().countExamples(), events);
    }

    /** One load: one query, every row decoded and applied. */
    @Benchmark
    public ExampleAggregateRoot load() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(LOAD_SQL)) {
            select.setObject(1, id);
            ExampleAggregateRoot aggregate = null;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    aggregate = apply(aggregate, rows.getLong(1), rows.getBytes(2),
                            rows.getObject(3, OffsetDateTime.class).toInstant());
                }
            }
            return aggregate;
        }
    }

    /**
     * Decodes one stored payload and applies it: the only part that follows the event classes.
     * The first event is the Created event, every later one an ExampleCreated.
     */
    private ExampleAggregateRoot apply(ExampleAggregateRoot aggregate, long version, byte[] payload, Instant timestamp) {
        ObjectReader reader = version == 1 ? createdReader : exampleCreatedReader;
        ExampleAggregateRoot.Event event = reader.readValue(payload);
        return TYPE.applyStored(aggregate, id, version, timestamp, Map.of(), event);
    }

    /** Stops the database. */
    @TearDown(Level.Trial)
    public void close() {
        database.close();
    }
}
