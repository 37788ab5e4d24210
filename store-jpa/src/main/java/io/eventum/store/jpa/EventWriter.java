package io.eventum.store.jpa;

import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.EventBatches;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.StoredValues;
import io.eventum.application.store.Tracking;
import io.eventum.application.store.TrackingConflictException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Appends batches: in one transaction, the tracking record (if any), then the events with their
 * global positions.
 *
 * <p><b>PostgreSQL.</b> All the rows are one statement ({@link EventArrays}), whose positions come
 * from the appending transaction's own id ({@link TransactionPositions}): appends of different
 * writers never wait for each other, and readers by position only read below the oldest
 * transaction still in progress, so none of them skips an event. Without a tracking record, and
 * outside a caller's transaction, that one statement is the whole append: it runs in auto-commit
 * mode, one round trip.
 *
 * <p><b>H2 and other databases.</b> The counter row in {@value Tables#POSITIONS} is incremented by
 * the batch size inside the append's transaction, which row-locks it until commit or rollback, and
 * the rows go in one JDBC batch. So appends that write events take positions one after another,
 * each only once the previous one has finished: every committed event has a lower position than
 * any event still in flight, and a reader tailing by position never misses one. A rolled-back
 * append gives its positions back. (H2 runs in the JVM: it has no transaction ids to read a
 * horizon from, and its commits cost no disk flush worth spreading over many writers.)
 *
 * <p><b>Conflicts.</b> The key (aggregate_id, version) rejects a version that is already stored.
 * After such a failure the transaction (or the savepoint, when joining the caller's) is rolled
 * back, and a query finds which event of the batch was already stored, so the exception names it
 * on every database without parsing its messages.
 */
final class EventWriter {

    /** How many aggregates one conflict lookup query covers. */
    private static final int LOOKUP_CHUNK = 50;

    private final Transactions transactions;

    EventWriter(Transactions transactions) {
        this.transactions = transactions;
    }

    List<Long> append(List<EventRecord> events, Tracking tracking) {
        EventBatches.requireValid(events, tracking);
        try {
            // On PostgreSQL an append without a tracking record is one statement, atomic by itself.
            return transactions.write(() -> describe(events, tracking), Tables.EVENTS,
                    dialect -> dialect.appendsInOneStatement() && tracking == null,
                    (connection, dialect) -> append(connection, dialect, events, tracking));
        } catch (DuplicateEvent duplicate) {
            throw conflict(events, tracking, duplicate.sqlCause);
        }
    }

    private static List<Long> append(Connection connection, SqlDialect dialect, List<EventRecord> events, Tracking tracking)
            throws SQLException {
        // Tracking first: a redelivered event is reported as a tracking conflict, and such an
        // append never waits for the position counter (H2).
        if (tracking != null) {
            insertTracking(connection, dialect, events, tracking);
        }
        if (events.isEmpty()) {
            return List.of();
        }
        long first;
        try {
            first = dialect.appendsInOneStatement()
                    ? EventArrays.append(connection, events)
                    : appendAsBatch(connection, dialect, events, tracking);
        } catch (SQLException e) {
            if (SqlFailures.matches(e, dialect::isUniqueViolation)) {
                throw new DuplicateEvent(e);
            }
            SQLException refusal = rejectedValue(e);
            if (refusal != null) {
                throw new IllegalArgumentException(describeRefused(events, tracking) + " failed: the database refused "
                        + refused(refusal.getSQLState()) + "; nothing was stored. The database said: " + SqlFailures.rootMessage(e), e);
            }
            throw e;
        }
        List<Long> positions = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            positions.add(first + i);
        }
        return positions;
    }

    /** Other databases: the counter first, then the rows in one JDBC batch. Returns the first position. */
    private static long appendAsBatch(Connection connection, SqlDialect dialect, List<EventRecord> events, Tracking tracking)
            throws SQLException {
        long first = reservePositions(connection, dialect, events, tracking) - events.size() + 1;
        try (PreparedStatement insert = connection.prepareStatement(EventRows.insertSql(dialect))) {
            for (int i = 0; i < events.size(); i++) {
                EventRows.bindInsert(insert, dialect, events.get(i), first + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return first;
    }

    /**
     * The data exception (class 22) or failed check (23514, and H2's 23513) in {@code failure}, or
     * null. The port refuses beforehand what not every store keeps ({@link StoredValues}), so this
     * reports what the database alone refuses: a user's check, domain or trigger, or a limit of its own.
     */
    private static SQLException rejectedValue(SQLException failure) {
        return SqlFailures.find(failure, e -> {
            String state = e.getSQLState();
            return state != null && (state.startsWith("22") || state.equals("23514") || state.equals("23513"));
        });
    }

    /** What the database refused, in words, from the SQL state of its refusal. */
    private static String refused(String state) {
        return switch (state) {
            case "22007", "22008", "22009" -> "a timestamp it cannot store (out of its range or form)";
            case "22021", "22P05" -> "text holding a character it cannot store";
            case "22003" -> "a number out of its range";
            case "22001" -> "a value too long for its column";
            case "22P02" -> "a value it cannot read as its column's type";
            case "23514", "23513" -> "a value that fails a check on its table";
            default -> "a value as invalid data (SQL state " + state + ")";
        };
    }

    /** The batch as {@link #describe} names it, and for a single event its version and type too. */
    private static String describeRefused(List<EventRecord> events, Tracking tracking) {
        if (events.size() != 1) {
            return describe(events, tracking);
        }
        EventRecord event = events.get(0);
        return "appending event version " + event.version() + " (type " + StoredValues.quote(event.type()) + ") of aggregate "
                + event.aggregateId() + withTracking(tracking);
    }

    private static void insertTracking(Connection connection, SqlDialect dialect, List<EventRecord> events, Tracking tracking)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + Tables.TRACKING + " (follower, global_position) VALUES (?, ?)")) {
            insert.setString(1, tracking.follower());
            insert.setLong(2, tracking.position());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (SqlFailures.matches(e, dialect::isUniqueViolation)) {
                throw new TrackingConflictException(tracking.follower(), tracking.position(), e);
            }
            throw SqlFailures.translate(e, describe(events, tracking), Tables.TRACKING);
        }
    }

    /** Adds {@code count} to the counter, holding its row lock until commit; returns the new last position. */
    private static long reservePositions(Connection connection, SqlDialect dialect, List<EventRecord> events, Tracking tracking)
            throws SQLException {
        int count = events.size();
        try {
            String oneRoundTrip = dialect.reservePositionsSql();
            if (oneRoundTrip != null) {
                try (PreparedStatement reserve = connection.prepareStatement(oneRoundTrip)) {
                    reserve.setLong(1, count);
                    try (ResultSet last = reserve.executeQuery()) {
                        if (last.next()) {
                            return last.getLong(1);
                        }
                    }
                }
            } else {
                try (PreparedStatement reserve = connection.prepareStatement(
                        "UPDATE " + Tables.POSITIONS + " SET last_position = last_position + ? WHERE id = 1")) {
                    reserve.setLong(1, count);
                    if (reserve.executeUpdate() == 1) {
                        try (PreparedStatement read = connection.prepareStatement(
                                "SELECT last_position FROM " + Tables.POSITIONS + " WHERE id = 1");
                             ResultSet last = read.executeQuery()) {
                            last.next();
                            return last.getLong(1);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw SqlFailures.translate(e, describe(events, tracking) + " (reserving global positions)", Tables.POSITIONS);
        }
        throw missingCounterRow(events, tracking);
    }

    private static EventStoreException missingCounterRow(List<EventRecord> events, Tracking tracking) {
        return new EventStoreException(describe(events, tracking) + " failed: the counter row (id 1) of " + Tables.POSITIONS
                + " is missing; run the schema DDL, which inserts it");
    }

    /** The exception for a batch the key rejected: a conflict naming the first stored event, if one is found. */
    private EventStoreException conflict(List<EventRecord> events, Tracking tracking, SQLException cause) {
        Optional<EventRecord> taken;
        try {
            taken = transactions.read(() -> "finding which event of a rejected append is already stored", Tables.EVENTS,
                    (connection, dialect) -> firstStored(connection, events));
        } catch (RuntimeException lookupFailure) {
            lookupFailure.addSuppressed(cause);
            throw lookupFailure;
        }
        if (taken.isPresent()) {
            return new ConcurrencyConflictException(taken.get().aggregateId(), taken.get().version(), cause);
        }
        return new EventStoreException(describe(events, tracking) + " failed: the database reported a duplicate key in "
                + Tables.EVENTS + ", yet no (aggregate id, version) of the batch is stored, so a global_position was taken"
                + " (rows inserted by hand, or, on H2, the counter in " + Tables.POSITIONS + " below the highest"
                + " global_position?). Nothing was stored: " + SqlFailures.rootMessage(cause), cause);
    }

    /** The first event of the batch, in batch order, whose (aggregate id, version) is stored. */
    private static Optional<EventRecord> firstStored(Connection connection, List<EventRecord> events) throws SQLException {
        Map<UUID, long[]> versionRanges = new LinkedHashMap<>();
        for (EventRecord event : events) {
            long[] range = versionRanges.computeIfAbsent(event.aggregateId(), id -> new long[] {Long.MAX_VALUE, 0});
            range[0] = Math.min(range[0], event.version());
            range[1] = Math.max(range[1], event.version());
        }
        Set<String> stored = new HashSet<>();
        List<Map.Entry<UUID, long[]>> ranges = new ArrayList<>(versionRanges.entrySet());
        for (int from = 0; from < ranges.size(); from += LOOKUP_CHUNK) {
            List<Map.Entry<UUID, long[]>> chunk = ranges.subList(from, Math.min(ranges.size(), from + LOOKUP_CHUNK));
            StringBuilder sql = new StringBuilder("SELECT aggregate_id, version FROM " + Tables.EVENTS + " WHERE ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append("(aggregate_id = ? AND version BETWEEN ? AND ?)");
            }
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                int index = 1;
                for (Map.Entry<UUID, long[]> range : chunk) {
                    query.setObject(index++, range.getKey());
                    query.setLong(index++, range.getValue()[0]);
                    query.setLong(index++, range.getValue()[1]);
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getObject(1, UUID.class) + "/" + rows.getLong(2));
                    }
                }
            }
        }
        return events.stream().filter(event -> stored.contains(event.aggregateId() + "/" + event.version())).findFirst();
    }

    private static String describe(List<EventRecord> events, Tracking tracking) {
        long aggregates = events.stream().map(EventRecord::aggregateId).distinct().count();
        String what = events.isEmpty() ? "appending no events"
                : aggregates == 1 ? "appending " + events.size() + " event(s) of aggregate " + events.get(0).aggregateId()
                : "appending " + events.size() + " events of " + aggregates + " aggregates";
        return what + withTracking(tracking);
    }

    private static String withTracking(Tracking tracking) {
        return tracking == null ? "" : " with tracking record (" + tracking.follower() + ", " + tracking.position() + ")";
    }

    /** Carries a duplicate-key failure of the event batch out of the transaction, to be looked up. */
    private static final class DuplicateEvent extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient SQLException sqlCause;

        DuplicateEvent(SQLException sqlCause) {
            super(sqlCause.getMessage(), sqlCause, false, false);
            this.sqlCause = sqlCause;
        }
    }
}
