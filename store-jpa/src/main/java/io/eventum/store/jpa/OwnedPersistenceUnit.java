package io.eventum.store.jpa;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.eventum.application.store.EventStoreException;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;
import jakarta.persistence.PersistenceUnitTransactionType;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The HikariCP pool and the EntityManagerFactory a store builds for itself from a JDBC URL, and
 * closes with it.
 */
final class OwnedPersistenceUnit implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final EntityManagerFactory factory;

    private OwnedPersistenceUnit(HikariDataSource dataSource, EntityManagerFactory factory) {
        this.dataSource = dataSource;
        this.factory = factory;
    }

    static OwnedPersistenceUnit open(String jdbcUrl, String user, String password, int maximumPoolSize, Duration connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("eventum-store");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maximumPoolSize);
        config.setConnectionTimeout(connectionTimeout.toMillis());
        // Every use of a connection is a transaction, so the pool hands them out with autocommit
        // off and Hibernate is told not to switch it on and off around each one.
        config.setAutoCommit(false);
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw SqlFailures.translate(e, "connecting to " + jdbcUrl, null);
        }
        try {
            PersistenceConfiguration unit = new PersistenceConfiguration("eventum-store")
                    .provider("org.hibernate.jpa.HibernatePersistenceProvider")
                    .transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                    .property("jakarta.persistence.nonJtaDataSource", dataSource)
                    .property("hibernate.connection.provider_disables_autocommit", "true")
                    .property("hibernate.boot.allow_jdbc_metadata_access", "true");
            return new OwnedPersistenceUnit(dataSource, unit.createEntityManagerFactory());
        } catch (RuntimeException e) {
            dataSource.close();
            throw new EventStoreException("building the EntityManagerFactory for " + jdbcUrl + " failed: "
                    + SqlFailures.rootMessage(e), e);
        }
    }

    EntityManagerFactory factory() {
        return factory;
    }

    /** The pool, for the store's own work, which needs no EntityManager. */
    DataSource dataSource() {
        return dataSource;
    }

    /** Retires every pooled connection: idle ones now, busy ones when returned. */
    void evictConnections() {
        dataSource.getHikariPoolMXBean().softEvictConnections();
    }

    @Override
    public void close() {
        try {
            factory.close();
        } finally {
            dataSource.close();
        }
    }
}
