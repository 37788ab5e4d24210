package io.eventum.benchmarks.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The one connection pool setting every benchmark database uses. */
final class Pools {

    /** Two benchmark threads at most on a 2-core machine; a few spare connections cost nothing. */
    private static final int SIZE = 4;

    private Pools() {
    }

    static HikariDataSource pool(String name, String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(SIZE);
        config.setMinimumIdle(SIZE);
        return new HikariDataSource(config);
    }
}
