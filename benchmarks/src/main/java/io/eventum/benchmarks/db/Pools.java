package io.eventum.benchmarks.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The connection pools the benchmark databases hand out. */
public final class Pools {

    /**
     * Enough for the largest writer benchmark (16 threads) and one more for its setup; idle
     * connections cost the benchmarks nothing.
     */
    public static final int SIZE = 17;

    private Pools() {
    }

    /** A pool of auto-commit connections, all opened at once. */
    static HikariDataSource pool(String name, String jdbcUrl, String user, String password) {
        return pool(name, jdbcUrl, user, password, true);
    }

    /**
     * A pool of {@link #SIZE} connections to {@code jdbcUrl}, all opened at once.
     *
     * @param autoCommit the connections' auto-commit mode as handed out: off for a framework that
     *     runs each unit of work in a transaction and commits it itself
     */
    public static HikariDataSource pool(String name, String jdbcUrl, String user, String password, boolean autoCommit) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(SIZE);
        config.setAutoCommit(autoCommit);
        return new HikariDataSource(config);
    }
}
