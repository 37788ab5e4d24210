package io.eventum.benchmarks.axon;

import io.eventum.benchmarks.db.Database;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Axon's {@code JdbcEventStorageEngine} on a database, configured as Axon's own documentation
 * configures it outside Spring: its default batch size (100 events per query), its
 * {@code JacksonSerializer} for events and snapshots, and no transaction manager, so each statement
 * runs in the pool's auto-commit mode.
 */
final class JdbcAxonStorage implements AxonStorage {

    private final Database database;
    private final JdbcEventStorageEngine engine;
    private boolean fresh = true;

    JdbcAxonStorage(Database database, EventTableFactory tables) {
        this.database = database;
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(database.dataSource()))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .build();
        engine.createSchema(tables);
    }

    @Override
    public EventStorageEngine emptyEngine() {
        if (!fresh) {
            try (Connection connection = database.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE TABLE DomainEventEntry");
            } catch (SQLException e) {
                throw new IllegalStateException("emptying Axon's event table on " + database.jdbcUrl(), e);
            }
        }
        fresh = false;
        return engine;
    }

    @Override
    public void close() {
        database.close();
    }
}
