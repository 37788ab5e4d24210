package io.eventum.benchmarks.floor;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The JDBC append floor's table and its insert: an event table with the columns Eventum's has
 * (jsonb payload and metadata, a microsecond timestamp) and its key (aggregate_id, version), but no
 * global position at all: the floor inserts with no ordering between writers.
 */
public final class FloorRows {

    /** The event every floor append writes (with a new aggregate id): an ExampleCreated payload as Eventum stores it. */
    public static final byte[] PAYLOAD = "{\"exampleId\":\"0b4f6a52-3e0c-4d7a-9d61-3c8a8b2f5e11\"}".getBytes(StandardCharsets.UTF_8);
    /** The type name the floor stores with it. */
    public static final String TYPE = "ExampleCreated";

    private static final String CREATE_SQL = "CREATE TABLE IF NOT EXISTS floor_events ("
            + "aggregate_id uuid NOT NULL, version bigint NOT NULL, type_name text NOT NULL, payload jsonb NOT NULL,"
            + " metadata jsonb, occurred_at timestamp(6) with time zone NOT NULL,"
            + " CONSTRAINT floor_events_pk PRIMARY KEY (aggregate_id, version))";
    private static final String INSERT_SQL = "INSERT INTO floor_events (aggregate_id, version, type_name, payload, metadata,"
            + " occurred_at) VALUES (?, ?, ?, CAST(? AS jsonb), NULL, ?)";

    private FloorRows() {
    }

    /** Creates the table if it is missing; on an auto-commit connection. */
    public static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_SQL);
        }
    }

    /**
     * Inserts versions 1 to {@code batch} of a new aggregate and commits: one transaction on a
     * connection with auto-commit off; a batch of more than one row goes as one JDBC batch.
     */
    public static void appendNewAggregate(Connection connection, int batch) throws SQLException {
        UUID id = UUID.randomUUID();
        String payload = new String(PAYLOAD, StandardCharsets.UTF_8);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement(INSERT_SQL)) {
            for (int version = 1; version <= batch; version++) {
                insert.setObject(1, id);
                insert.setLong(2, version);
                insert.setString(3, TYPE);
                insert.setString(4, payload);
                insert.setObject(5, now);
                if (batch == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (batch > 1) {
                insert.executeBatch();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }
}
