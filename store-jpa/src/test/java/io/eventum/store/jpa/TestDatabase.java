package io.eventum.store.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The two engines the store is proven on, each handing out fresh, empty databases. */
enum TestDatabase {

    /** H2 in memory: a new database per call, gone when its last connection closes. */
    H2 {
        @Override
        String freshUrl() {
            return "jdbc:h2:mem:eventum-" + H2_DATABASES.incrementAndGet() + ";LOCK_TIMEOUT=10000";
        }

        @Override
        String user() {
            return "sa";
        }

        @Override
        String password() {
            return "";
        }
    },

    /** The shared embedded PostgreSQL: a new schema per call. */
    POSTGRESQL {
        @Override
        String freshUrl() {
            return EmbeddedPostgresServer.jdbcUrl(EmbeddedPostgresServer.freshSchema());
        }

        @Override
        String user() {
            return EmbeddedPostgresServer.USER;
        }

        @Override
        String password() {
            return EmbeddedPostgresServer.PASSWORD;
        }
    };

    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    /** The JDBC URL of a new, empty database (or schema). */
    abstract String freshUrl();

    abstract String user();

    abstract String password();

    /** A store on {@code url}, built from the URL, with its schema created. */
    JpaEventStore storeWithSchema(String url) {
        return JpaEventStore.builder().jdbcUrl(url, user(), password()).createSchema(true).build();
    }

    /** Runs one statement on a connection of its own. */
    void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("running " + sql + " on " + url, e);
        }
    }

    /** The number the query selects. */
    long queryLong(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user(), password());
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("running " + sql + " on " + url, e);
        }
    }

    /**
     * An application's own persistence unit on {@code url}, as Spring or a Jakarta EE container
     * would build it: a HikariCP pool, the application's entities (their tables created by
     * Hibernate), and none of the store's.
     */
    UserPersistenceUnit userPersistenceUnit(String url, Class<?>... entities) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user());
        config.setPassword(password());
        config.setMaximumPoolSize(6);
        config.setConnectionTimeout(1_000);
        HikariDataSource dataSource = new HikariDataSource(config);
        PersistenceConfiguration unit = new PersistenceConfiguration("application")
                .provider("org.hibernate.jpa.HibernatePersistenceProvider")
                .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                .property("jakarta.persistence.nonJtaDataSource", dataSource)
                .property("jakarta.persistence.schema-generation.database.action", "create");
        for (Class<?> entity : entities) {
            unit.managedClass(entity);
        }
        return new UserPersistenceUnit(dataSource, unit.createEntityManagerFactory());
    }

    /** An application's EntityManagerFactory and the pool under it; closing closes both. */
    record UserPersistenceUnit(HikariDataSource dataSource, EntityManagerFactory factory) implements AutoCloseable {
        @Override
        public void close() {
            factory.close();
            dataSource.close();
        }
    }
}
