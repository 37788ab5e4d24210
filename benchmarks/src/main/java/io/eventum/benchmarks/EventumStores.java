package io.eventum.benchmarks;

import io.eventum.benchmarks.db.Database;
import io.eventum.benchmarks.db.InProcessMongo;
import io.eventum.benchmarks.db.Pools;
import io.eventum.store.jpa.JpaEventStore;
import io.eventum.store.mongo.MongoEventStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** How the benchmarks open Eventum's database stores, with the settings a user would start from. */
public final class EventumStores {

    private static final AtomicInteger PREFIXES = new AtomicInteger();

    private EventumStores() {
    }

    /** A JPA store on {@code database}, with its own pool (as large as the benchmarks' pools, for 16 writers), creating its tables if they are missing. */
    public static JpaEventStore jpa(Database database) {
        return JpaEventStore.builder().jdbcUrl(database.jdbcUrl(), database.user(), database.password())
                .maximumPoolSize(Pools.SIZE).createSchema(true).build();
    }

    /** Empties the JPA store's tables on {@code database}, and resets its position counter where it has one (H2). */
    public static void emptyJpaTables(Database database) {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM eventum_events");
            statement.execute("DELETE FROM eventum_tracking");
            statement.execute("DELETE FROM eventum_snapshots");
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgresql")) {
                statement.execute("UPDATE eventum_positions SET last_position = 0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("emptying the JPA store's tables on " + database.jdbcUrl(), e);
        }
    }

    /** A MongoDB store on {@code server}, in collections of its own (a fresh prefix each call). */
    public static MongoEventStore mongo(InProcessMongo server) {
        return MongoEventStore.builder().connectionString(server.connectionString())
                .collectionPrefix("bench" + PREFIXES.incrementAndGet() + "_").build();
    }
}
