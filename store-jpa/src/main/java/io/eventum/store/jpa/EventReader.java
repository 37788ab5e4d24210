package io.eventum.store.jpa;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.StoredEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The queries: an aggregate's stream, pages by global position, and the highest positions.
 *
 * <p>A stream is read through a forward-only cursor with a fetch size, inside a transaction (on
 * PostgreSQL the driver only honours a fetch size with autocommit off), and each row becomes a
 * {@link StoredEvent} handed to the consumer before the next is read: a 100,000-event stream never
 * sits in memory as a list or as managed entities.
 */
final class EventReader {

    private static final String STREAM_SQL = "SELECT " + EventRows.STREAM_COLUMNS + " FROM " + Tables.EVENTS
            + " WHERE aggregate_id = ? AND version > ? AND version <= ? ORDER BY version";
    private static final String ASCENDING = STREAM_SQL;
    private static final String DESCENDING = STREAM_SQL + " DESC";
    private static final String LIMIT = " FETCH FIRST ? ROWS ONLY";
    private static final String ASCENDING_LIMITED = ASCENDING + LIMIT;
    private static final String DESCENDING_LIMITED = DESCENDING + LIMIT;

    private final Transactions transactions;
    private final int fetchSize;

    EventReader(Transactions transactions, int fetchSize) {
        this.transactions = transactions;
        this.fetchSize = fetchSize;
    }

    void read(UUID aggregateId, AggregateQuery query, Consumer<? super StoredEvent> action) {
        boolean limited = query.limit() != Integer.MAX_VALUE;
        String sql = query.descending() ? (limited ? DESCENDING_LIMITED : DESCENDING) : (limited ? ASCENDING_LIMITED : ASCENDING);
        long[] delivered = new long[1];
        transactions.read(() -> "reading the events of aggregate " + aggregateId, Tables.EVENTS, (connection, dialect) -> {
            try (PreparedStatement select = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                select.setObject(1, aggregateId);
                select.setLong(2, query.afterVersion());
                select.setLong(3, query.upToVersion());
                if (limited) {
                    select.setInt(4, query.limit());
                }
                select.setFetchSize(limited ? Math.min(query.limit(), fetchSize) : fetchSize);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        delivered[0]++;
                        action.accept(EventRows.readStream(rows, aggregateId));
                    }
                }
            }
            return null;
        }, () -> delivered[0] == 0);
    }

    List<StoredEvent> readAll(GlobalQuery query) {
        StringBuilder sql = new StringBuilder("SELECT ").append(EventRows.GLOBAL_COLUMNS).append(" FROM ").append(Tables.EVENTS)
                .append(" WHERE global_position > ? AND global_position <= ?");
        if (!query.types().isEmpty()) {
            sql.append(" AND type_name IN (").append("?, ".repeat(query.types().size() - 1)).append("?)");
        }
        sql.append(" ORDER BY global_position").append(LIMIT);
        return transactions.read(() -> "reading events after position " + query.afterPosition(), Tables.EVENTS, (connection, dialect) -> {
            try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
                int index = 1;
                select.setLong(index++, query.afterPosition());
                select.setLong(index++, query.upToPosition());
                for (String type : query.types()) {
                    select.setString(index++, type);
                }
                select.setInt(index, query.limit());
                select.setFetchSize(Math.min(query.limit(), fetchSize));
                List<StoredEvent> page = new ArrayList<>(Math.min(query.limit(), 256));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        page.add(EventRows.readGlobal(rows));
                    }
                }
                return page;
            }
        });
    }

    long lastPosition() {
        return single("reading the last global position", Tables.EVENTS,
                "SELECT MAX(global_position) FROM " + Tables.EVENTS, null);
    }

    long trackedPosition(String follower) {
        return single("reading the tracked position of follower " + follower, Tables.TRACKING,
                "SELECT MAX(global_position) FROM " + Tables.TRACKING + " WHERE follower = ?", follower);
    }

    /** The one number {@code sql} selects, 0 for SQL NULL. */
    private long single(String doing, String table, String sql, String parameter) {
        return transactions.read(() -> doing, table, (connection, dialect) -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (parameter != null) {
                    select.setString(1, parameter);
                }
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            }
        });
    }
}
