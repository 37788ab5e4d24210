package io.eventum.benchmarks.axon;

import com.zaxxer.hikari.HikariDataSource;
import io.eventum.benchmarks.db.Database;
import io.eventum.benchmarks.db.Pools;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Axon's {@code JdbcEventStorageEngine} on a database, configured as a transactional application
 * runs it outside Spring: its default batch size (100 events per query), its
 * {@code JacksonSerializer} for events and snapshots, and a pool of its own whose connections come
 * with auto-commit off, through Axon's {@link UnitOfWorkAwareConnectionProviderWrapper}. So every
 * unit of work is ONE database transaction that Axon commits when the unit of work commits: an
 * append of a batch is one transaction, as Eventum's is, and a load reads inside one. (Before issue
 * 15 the engine ran on auto-commit connections, each statement its own transaction.)
 */
final class JdbcAxonStorage implements AxonStorage {

    private final Database database;
    private final HikariDataSource transactional;
    private final JdbcEventStorageEngine engine;
    private boolean fresh = true;

    JdbcAxonStorage(Database database, EventTableFactory tables) {
        this.database = database;
        this.transactional = Pools.pool("axon", database.jdbcUrl(), database.user(), database.password(), false);
        this.engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(new DataSourceConnectionProvider(transactional)))
                .transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .build();
        AxonExamples.inUnitOfWork(() -> engine.createSchema(tables));
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
        transactional.close();
        database.close();
    }
}
