package io.eventum.store.jpa;

import io.eventum.application.store.EventRecord;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The PostgreSQL append: the position counter and every event row in ONE statement, so that an
 * append costs one round trip before the commit, whatever its size.
 *
 * <p>The events travel as one array per column and {@code unnest ... WITH ORDINALITY} turns them
 * back into rows. The SQL text never changes with the batch size, so the driver prepares it once
 * per connection and the server plans it once, and a row costs the server a tuple and its index
 * entries, not a statement of its own (which is what a JDBC batch of 100 INSERTs costs: 100
 * executor runs). The counter update is a data-modifying CTE of the same statement: it row-locks
 * the counter until the transaction ends exactly as a separate UPDATE would, and under READ
 * COMMITTED a writer that waited for the lock re-reads the committed counter before adding to it,
 * so positions still follow commit order without gaps. Every part of a statement runs to
 * completion or the whole statement fails, so nothing is ever partly stored; a duplicate
 * (aggregate_id, version) fails it with the unique violation the caller turns into a conflict.
 */
final class EventArrays {

    /**
     * Parameters: the batch size (twice), then the arrays of aggregate ids, versions, type names,
     * payloads, metadata and timestamps. Selects the new last position; no row when the counter
     * row is missing, and then nothing is inserted.
     */
    static final String APPEND_SQL = "WITH reserved AS ("
            + "UPDATE " + Tables.POSITIONS + " SET last_position = last_position + ? WHERE id = 1 RETURNING last_position), "
            + "appended AS (INSERT INTO " + Tables.EVENTS
            + " (aggregate_id, version, type_name, payload, metadata, occurred_at, global_position)"
            + " SELECT e.aggregate_id, e.version, e.type_name, CAST(e.payload AS jsonb), CAST(e.metadata AS jsonb),"
            + " CAST(e.occurred_at AS timestamptz), reserved.last_position - ? + e.n"
            + " FROM reserved, unnest(CAST(? AS uuid[]), CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]),"
            + " CAST(? AS text[]), CAST(? AS text[]))"
            + " WITH ORDINALITY AS e(aggregate_id, version, type_name, payload, metadata, occurred_at, n)) "
            + "SELECT last_position FROM reserved";

    private EventArrays() {
    }

    /**
     * Reserves positions for {@code events} and inserts them, in one statement of the caller's
     * transaction.
     *
     * @return the last position reserved (the first is this minus the batch size plus one), or -1
     *     if the counter row is missing, in which case nothing was inserted
     */
    static long append(Connection connection, List<EventRecord> events) throws SQLException {
        int count = events.size();
        String[] ids = new String[count];
        Long[] versions = new Long[count];
        String[] types = new String[count];
        String[] payloads = new String[count];
        String[] metadata = new String[count];
        String[] timestamps = new String[count];
        StringBuilder text = new StringBuilder(40);
        for (int i = 0; i < count; i++) {
            EventRecord event = events.get(i);
            ids[i] = event.aggregateId().toString();
            versions[i] = event.version();
            types[i] = event.type();
            payloads[i] = new String(event.payload(), StandardCharsets.UTF_8);
            metadata[i] = MetadataJson.write(event.metadata());
            text.setLength(0);
            timestamps[i] = timestamp(text, event.timestamp());
        }
        Array[] arrays = {
            connection.createArrayOf("uuid", ids), connection.createArrayOf("int8", versions),
            connection.createArrayOf("text", types), connection.createArrayOf("text", payloads),
            connection.createArrayOf("text", metadata), connection.createArrayOf("text", timestamps)};
        try (PreparedStatement append = connection.prepareStatement(APPEND_SQL)) {
            append.setLong(1, count);
            append.setLong(2, count);
            for (int i = 0; i < arrays.length; i++) {
                append.setArray(3 + i, arrays[i]);
            }
            try (ResultSet last = append.executeQuery()) {
                return last.next() ? last.getLong(1) : -1;
            }
        } finally {
            for (Array array : arrays) {
                array.free();
            }
        }
    }

    /**
     * The instant (already at microsecond precision) as PostgreSQL's timestamptz input in UTC,
     * {@code 2026-11-28 10:15:30.123456+00}: built from integer fields, since a formatter or the
     * driver's own conversion costs more than the rest of the row on the client, and exact for
     * every year PostgreSQL can store (before year 1 as "BC", after 9999 with more digits).
     */
    static String timestamp(StringBuilder text, Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        int year = utc.getYear();
        boolean beforeChrist = year < 1;
        digits(text, beforeChrist ? 1 - year : year, 4).append('-');
        digits(text, utc.getMonthValue(), 2).append('-');
        digits(text, utc.getDayOfMonth(), 2).append(' ');
        digits(text, utc.getHour(), 2).append(':');
        digits(text, utc.getMinute(), 2).append(':');
        digits(text, utc.getSecond(), 2).append('.');
        digits(text, utc.getNano() / 1_000, 6).append("+00");
        return beforeChrist ? text.append(" BC").toString() : text.toString();
    }

    /** Appends {@code value} left-padded with zeros to {@code width} digits (more if it has more). */
    private static StringBuilder digits(StringBuilder text, int value, int width) {
        int bound = 1;
        for (int i = 1; i < width; i++) {
            bound *= 10;
        }
        for (; bound > 1 && value < bound; bound /= 10) {
            text.append('0');
        }
        return text.append(value);
    }
}
