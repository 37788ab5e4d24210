package io.eventum.store.jpa;

import io.eventum.application.store.EventRecord;
import io.eventum.application.store.CorruptStoredEventException;
import io.eventum.application.store.StoredEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * The mapping between {@link EventRecord}/{@link StoredEvent} and rows of {@value Tables#EVENTS}.
 * Columns are read by index, payloads as raw bytes and timestamps from the native timestamp
 * column: no reflection, no text parsing of the record's own fields on the replay path.
 */
final class EventRows {

    /** The columns {@link #readStream} expects, in order; the aggregate id is known to the caller. */
    static final String STREAM_COLUMNS = "global_position, version, type_name, payload, metadata, occurred_at";
    /** The columns {@link #readGlobal} expects, in order. */
    static final String GLOBAL_COLUMNS = "global_position, aggregate_id, version, type_name, payload, metadata, occurred_at";

    private EventRows() {
    }

    /** The INSERT for one event row; bind it with {@link #bindInsert}. */
    static String insertSql(SqlDialect dialect) {
        return "INSERT INTO " + Tables.EVENTS
                + " (aggregate_id, version, type_name, payload, metadata, occurred_at, global_position) VALUES (?, ?, ?, "
                + dialect.jsonParameter() + ", " + dialect.jsonParameter() + ", ?, ?)";
    }

    /** Binds one event and its position to the statement from {@link #insertSql}. */
    static void bindInsert(PreparedStatement insert, SqlDialect dialect, EventRecord event, long position) throws SQLException {
        insert.setObject(1, event.aggregateId());
        insert.setLong(2, event.version());
        insert.setString(3, event.type());
        dialect.bindJson(insert, 4, event.payload());
        insert.setString(5, MetadataJson.write(event.metadata()));
        insert.setObject(6, toColumn(event.timestamp()));
        insert.setLong(7, position);
    }

    /**
     * The timestamp as the column stores it: truncated to microseconds here rather than rounded by
     * the database, so what reads back is predictable on every engine.
     */
    static OffsetDateTime toColumn(Instant timestamp) {
        return OffsetDateTime.ofInstant(timestamp.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    /** The instant a timestamp column holds. */
    static Instant fromColumn(ResultSet row, int column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** The event on the current row of a result with {@link #STREAM_COLUMNS}. */
    static StoredEvent readStream(ResultSet row, UUID aggregateId) throws SQLException {
        long position = row.getLong(1);
        long version = row.getLong(2);
        String type = row.getString(3);
        return new StoredEvent(position, aggregateId, version, type, row.getBytes(4),
                metadata(row.getString(5), position, aggregateId, version, type), fromColumn(row, 6));
    }

    /** The event on the current row of a result with {@link #GLOBAL_COLUMNS}. */
    static StoredEvent readGlobal(ResultSet row) throws SQLException {
        long position = row.getLong(1);
        UUID aggregateId = row.getObject(2, UUID.class);
        long version = row.getLong(3);
        String type = row.getString(4);
        return new StoredEvent(position, aggregateId, version, type, row.getBytes(5),
                metadata(row.getString(6), position, aggregateId, version, type), fromColumn(row, 7));
    }

    private static Map<String, String> metadata(String json, long position, UUID aggregateId, long version, String type) {
        try {
            return MetadataJson.read(json);
        } catch (IllegalArgumentException e) {
            throw new CorruptStoredEventException(position, aggregateId, version, type, "its stored metadata is corrupt: " + e.getMessage(), e);
        }
    }
}
