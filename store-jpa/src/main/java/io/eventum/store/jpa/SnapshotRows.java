package io.eventum.store.jpa;

import io.eventum.application.store.SnapshotRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Snapshots in {@value Tables#SNAPSHOTS}: one row per aggregate, the newest. A save replaces the
 * row only when its version is at least the stored one, so an older snapshot saved late never
 * hides a newer one, and saving the same version again replaces it.
 */
final class SnapshotRows {

    private static final String SELECT = "SELECT version, type_name, state, taken_at FROM " + Tables.SNAPSHOTS
            + " WHERE aggregate_id = ? AND version <= ?";

    private final Transactions transactions;

    SnapshotRows(Transactions transactions) {
        this.transactions = transactions;
    }

    void save(SnapshotRecord snapshot) {
        transactions.write(() -> "saving the snapshot of aggregate " + snapshot.aggregateId() + " at version " + snapshot.version(),
                Tables.SNAPSHOTS, (connection, dialect) -> {
                    if (dialect.upsertSnapshotSql() != null) {
                        try (PreparedStatement upsert = connection.prepareStatement(dialect.upsertSnapshotSql())) {
                            bind(upsert, dialect, snapshot);
                            upsert.executeUpdate();
                        }
                    } else {
                        updateOrInsert(connection, dialect, snapshot);
                    }
                    return null;
                });
    }

    /**
     * The portable upsert: update a row at or below this version; if none, insert; if a concurrent
     * save inserted first, update again; if that finds no row either, the stored one is newer.
     */
    private static void updateOrInsert(Connection connection, SqlDialect dialect, SnapshotRecord snapshot) throws SQLException {
        String update = "UPDATE " + Tables.SNAPSHOTS + " SET version = ?, type_name = ?, state = " + dialect.jsonParameter()
                + ", taken_at = ? WHERE aggregate_id = ? AND version <= ?";
        String insert = "INSERT INTO " + Tables.SNAPSHOTS + " (aggregate_id, version, type_name, state, taken_at) VALUES (?, ?, ?, "
                + dialect.jsonParameter() + ", ?)";
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (PreparedStatement statement = connection.prepareStatement(update)) {
                statement.setLong(1, snapshot.version());
                statement.setString(2, snapshot.type());
                dialect.bindJson(statement, 3, snapshot.state());
                statement.setObject(4, EventRows.toColumn(snapshot.timestamp()));
                statement.setObject(5, snapshot.aggregateId());
                statement.setLong(6, snapshot.version());
                if (statement.executeUpdate() > 0 || attempt == 2) {
                    return;
                }
            }
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                bind(statement, dialect, snapshot);
                statement.executeUpdate();
                return;
            } catch (SQLException e) {
                if (!SqlFailures.matches(e, dialect::isUniqueViolation)) {
                    throw e;
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, SqlDialect dialect, SnapshotRecord snapshot) throws SQLException {
        statement.setObject(1, snapshot.aggregateId());
        statement.setLong(2, snapshot.version());
        statement.setString(3, snapshot.type());
        dialect.bindJson(statement, 4, snapshot.state());
        statement.setObject(5, EventRows.toColumn(snapshot.timestamp()));
    }

    Optional<SnapshotRecord> latest(UUID aggregateId, long version) {
        return transactions.read(() -> "reading the snapshot of aggregate " + aggregateId, Tables.SNAPSHOTS, (connection, dialect) -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT)) {
                select.setObject(1, aggregateId);
                select.setLong(2, version);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new SnapshotRecord(aggregateId, row.getLong(1), row.getString(2), row.getBytes(3),
                            EventRows.fromColumn(row, 4)));
                }
            }
        });
    }
}
