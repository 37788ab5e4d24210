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
 * The PostgreSQL append: every event row in ONE statement, which also computes the rows' global
 * positions from the transaction's own id, so that an append costs one round trip whatever its
 * size, and takes no lock that another append waits for (see {@link TransactionPositions}).
 *
 * <p>The events travel as one array per column and {@code unnest ... WITH ORDINALITY} turns them
 * back into rows. The SQL text never changes with the batch size, so the driver prepares it once
 * per connection and the server plans it once, and a row costs the server a tuple and its index
 * entries, not a statement of its own (which is what a JDBC batch of 100 INSERTs costs: 100
 * executor runs). A statement runs to completion or fails whole, so nothing is ever partly
 * stored; a duplicate (aggregate_id, version) fails it with the unique violation the caller turns
 * into a conflict. Being one statement, it is atomic by itself: when the store runs its own
 * transaction it sends it in auto-commit mode, one round trip in all (no BEGIN, no COMMIT).
 */
final class EventArrays {

    /**
     * Parameters: the batch size, then the arrays of aggregate ids, versions, type names, payloads,
     * metadata and timestamps. Selects the position just before the batch's first, and how many
     * rows were inserted: all of them, or none when the transaction's range of positions would
     * overflow (more than {@link TransactionPositions#PER_TRANSACTION} events in one transaction).
     */
    static final String APPEND_SQL = "WITH tx AS (SELECT " + TransactionPositions.TRANSACTION_BASE_SQL + " AS base), "
            // The transaction's earlier appends (a caller's transaction may append several times)
            // hold the start of its range; one probe of the position index finds where they end.
            + "taken AS (SELECT tx.base, COALESCE((SELECT MAX(global_position) FROM " + Tables.EVENTS
            + " WHERE global_position >= tx.base AND global_position < tx.base + " + TransactionPositions.PER_TRANSACTION
            + "), tx.base) AS last FROM tx), "
            + "appended AS (INSERT INTO " + Tables.EVENTS
            + " (aggregate_id, version, type_name, payload, metadata, occurred_at, global_position)"
            + " SELECT e.aggregate_id, e.version, e.type_name, CAST(e.payload AS jsonb), CAST(e.metadata AS jsonb),"
            + " CAST(e.occurred_at AS timestamptz), taken.last + e.n"
            + " FROM taken, unnest(CAST(? AS uuid[]), CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]),"
            + " CAST(? AS text[]), CAST(? AS text[]))"
            + " WITH ORDINALITY AS e(aggregate_id, version, type_name, payload, metadata, occurred_at, n)"
            + " WHERE taken.last + CAST(? AS bigint) < taken.base + " + TransactionPositions.PER_TRANSACTION + " RETURNING 1) "
            + "SELECT taken.last, (SELECT COUNT(*) FROM appended) FROM taken";

    /**
     * The same append for a batch of ONE event, which is most appends: plain parameters instead of
     * arrays, no unnest, no CTE to count, so the server parses and plans less and the driver builds
     * no arrays. Parameters: aggregate id, version, type name, payload, metadata, timestamp. Returns
     * the event's position; no row when the transaction's range is full.
     */
    static final String APPEND_ONE_SQL = "INSERT INTO " + Tables.EVENTS
            + " (aggregate_id, version, type_name, payload, metadata, occurred_at, global_position)"
            + " SELECT CAST(? AS uuid), ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), CAST(? AS timestamptz), taken.last + 1"
            + " FROM (SELECT tx.base, COALESCE((SELECT MAX(global_position) FROM " + Tables.EVENTS
            + " WHERE global_position >= tx.base AND global_position < tx.base + " + TransactionPositions.PER_TRANSACTION
            + "), tx.base) AS last FROM (SELECT " + TransactionPositions.TRANSACTION_BASE_SQL + " AS base) AS tx) AS taken"
            + " WHERE taken.last + 1 < taken.base + " + TransactionPositions.PER_TRANSACTION
            + " RETURNING global_position";

    private EventArrays() {
    }

    /**
     * Inserts {@code events} with positions in the current transaction's range, in one statement of
     * the caller's transaction (or alone, in auto-commit mode).
     *
     * @return the first position taken
     * @throws IllegalArgumentException if the transaction's range has no room left for the batch;
     *     nothing was inserted
     */
    static long append(Connection connection, List<EventRecord> events) throws SQLException {
        if (events.size() == 1) {
            return appendOne(connection, events.get(0));
        }
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
            for (int i = 0; i < arrays.length; i++) {
                append.setArray(1 + i, arrays[i]);
            }
            append.setLong(arrays.length + 1, count);
            try (ResultSet result = append.executeQuery()) {
                result.next();
                long last = result.getLong(1);
                if (result.getLong(2) != count) {
                    throw rangeFull(count);
                }
                return last + 1;
            }
        } finally {
            for (Array array : arrays) {
                array.free();
            }
        }
    }

    private static long appendOne(Connection connection, EventRecord event) throws SQLException {
        try (PreparedStatement append = connection.prepareStatement(APPEND_ONE_SQL)) {
            append.setString(1, event.aggregateId().toString());
            append.setLong(2, event.version());
            append.setString(3, event.type());
            append.setString(4, new String(event.payload(), StandardCharsets.UTF_8));
            append.setString(5, MetadataJson.write(event.metadata()));
            append.setString(6, timestamp(new StringBuilder(40), event.timestamp()));
            try (ResultSet position = append.executeQuery()) {
                if (!position.next()) {
                    throw rangeFull(1);
                }
                return position.getLong(1);
            }
        }
    }

    private static IllegalArgumentException rangeFull(int count) {
        return new IllegalArgumentException("one transaction can append at most " + (TransactionPositions.PER_TRANSACTION - 1)
                + " events on PostgreSQL (its positions are numbered within the transaction); this batch of " + count
                + " would pass that; nothing was stored");
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
