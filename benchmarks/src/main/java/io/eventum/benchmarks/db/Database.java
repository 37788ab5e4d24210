package io.eventum.benchmarks.db;

import javax.sql.DataSource;

/**
 * A database engine started for one benchmark trial, with a small connection pool on it. Store
 * benchmarks (Axon's JDBC engine now, Eventum's JPA store later) share these, so that both
 * frameworks meet the same engine with the same settings. Closing it stops the engine.
 */
public interface Database extends AutoCloseable {

    /** The JDBC URL of the database the benchmarks use. */
    String jdbcUrl();

    /** The user to connect as. */
    String user();

    /** That user's password. */
    String password();

    /** A pool of auto-commit connections to {@link #jdbcUrl()}; pooled, because opening a connection per query would dwarf a read. */
    DataSource dataSource();

    /** Closes the pool and stops the engine. */
    @Override
    void close();
}
