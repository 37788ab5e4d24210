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
 * The queries: an aggregate's stream, pages by global position, and the highest positions. Each is
 * one statement per page, so outside a caller's transaction none runs in a transaction: no BEGIN,
 * no COMMIT round trip.
 *
 * <p>A stream is read in pages of at most the fetch size (keyset paging), and each row becomes a
 * {@link StoredEvent} handed to the consumer before the next is read: a 100,000-event stream never
 * sits in memory as a list or as managed entities.
 */
final class EventReader {

    /**
     * A page of a stream: bounds (after, up to), then the page size. It orders by the whole key
     * (aggregate_id, version), not by version alone: H2 reads rows in its index's order only when
     * ORDER BY names the index's columns from the first, and otherwise sorts every row after the
     * page's start to return the first few, which made a 100,000-event load on H2 quadratic (7.6 s).
     */
    private static final String STREAM_SQL = "SELECT " + EventRows.STREAM_COLUMNS + " FROM " + Tables.EVENTS
            + " WHERE aggregate_id = ? AND version > ? AND version <= ?";
    private static final String LIMIT = " FETCH FIRST ? ROWS ONLY";
    static final String ASCENDING_PAGE = STREAM_SQL + " ORDER BY aggregate_id, version" + LIMIT;
    static final String DESCENDING_PAGE = STREAM_SQL + " ORDER BY aggregate_id DESC, version DESC" + LIMIT;

    private final Transactions transactions;
    private final int fetchSize;

    EventReader(Transactions transactions, int fetchSize) {
        this.transactions = transactions;
        this.fetchSize = fetchSize;
    }

    /**
     * Reads a stream in pages of at most the fetch size, each one query that continues after the
     * last version the previous page returned (keyset paging on the key (aggregate_id, version)).
     * Each page is one statement, so outside a caller's transaction the read needs none: a stream
     * of up to one page (most loads) is one round trip, with no BEGIN and no COMMIT, and a long
     * one never sits in memory beyond a page. A stream only grows at its end, so its pages join up
     * without a snapshot around them: an ascending read may also return events appended while it
     * runs, as a read started a moment later would.
     */
    void read(UUID aggregateId, AggregateQuery query, Consumer<? super StoredEvent> action) {
        long[] delivered = new long[1];
        transactions.read(() -> "reading the events of aggregate " + aggregateId, Tables.EVENTS, (connection, dialect) -> {
            long after = query.afterVersion();
            long upTo = query.upToVersion();
            try (PreparedStatement select = connection.prepareStatement(query.descending() ? DESCENDING_PAGE : ASCENDING_PAGE,
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                while (delivered[0] < query.limit()) {
                    int page = (int) Math.min(query.limit() - delivered[0], fetchSize);
                    select.setObject(1, aggregateId);
                    select.setLong(2, after);
                    select.setLong(3, upTo);
                    select.setInt(4, page);
                    int rowsInPage = 0;
                    long lastVersion = 0;
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            StoredEvent event = EventRows.readStream(rows, aggregateId);
                            rowsInPage++;
                            lastVersion = event.version();
                            delivered[0]++;
                            action.accept(event);
                        }
                    }
                    if (rowsInPage < page) {
                        break;
                    }
                    if (query.descending()) {
                        upTo = lastVersion - 1;
                    } else {
                        after = lastVersion;
                    }
                }
            }
            return null;
        }, () -> delivered[0] == 0);
    }

    /**
     * A page by position. On PostgreSQL only positions below the readable horizon are read (see
     * {@link TransactionPositions}): what a transaction still in progress may yet commit lies above it.
     */
    List<StoredEvent> readAll(GlobalQuery query) {
        return transactions.read(() -> "reading events after position " + query.afterPosition(), Tables.EVENTS, (connection, dialect) -> {
            StringBuilder sql = new StringBuilder("SELECT ").append(EventRows.GLOBAL_COLUMNS).append(" FROM ").append(Tables.EVENTS)
                    .append(" WHERE global_position > ? AND global_position <= ?");
            if (dialect.readableHorizonSql() != null) {
                sql.append(" AND global_position < ").append(dialect.readableHorizonSql());
            }
            if (!query.types().isEmpty()) {
                sql.append(" AND type_name IN (").append("?, ".repeat(query.types().size() - 1)).append("?)");
            }
            sql.append(" ORDER BY global_position").append(LIMIT);
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

    /**
     * The highest position a reader can read now: on PostgreSQL the highest below the readable
     * horizon, so a reader asking for events up to it gets every one of them.
     */
    long lastPosition() {
        return transactions.read(() -> "reading the last global position", Tables.EVENTS, (connection, dialect) -> {
            String horizon = dialect.readableHorizonSql();
            String sql = "SELECT MAX(global_position) FROM " + Tables.EVENTS
                    + (horizon == null ? "" : " WHERE global_position < " + horizon);
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0L;
            }
        });
    }

    long trackedPosition(String follower) {
        return single("reading the tracked position of follower " + follower, Tables.TRACKING,
                "SELECT MAX(global_position) FROM " + Tables.TRACKING + " WHERE follower = ?", follower);
    }

    /** The one number {@code sql} selects for its one parameter, 0 for SQL NULL. */
    private long single(String doing, String table, String sql, String parameter) {
        return transactions.read(() -> doing, table, (connection, dialect) -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, parameter);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? row.getLong(1) : 0L;
                }
            }
        });
    }
}
