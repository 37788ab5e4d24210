package io.eventum.store.jpa;

import io.eventum.application.store.EventStoreException;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Makes H2 keep an acknowledged append when the process dies right after it. H2's MVStore writes
 * committed changes to its file from a background thread, up to WRITE_DELAY ms (500 by default)
 * after the commit returned: a process killed or halted in that window loses the append (it did in
 * every try, issue 13). With {@code WRITE_DELAY=0} each commit writes its chunk before it returns.
 * H2 applies the setting at every open from the URL (a stored {@code SET WRITE_DELAY 0} is
 * overridden by the URL's value, 500 when absent), so it has to be in the URL. It needs an admin
 * user. H2 still does not fsync on commit: a power failure can lose about the last second.
 *
 * <p>The cost, measured on H2 2.4.240 with the store's schema (a noisy machine, A/B only): one
 * chunk of about 19 KB written per append instead of one per half second, and since H2 keeps
 * replaced chunks for RETENTION_TIME (45 s), a file that grows by that much per append while
 * appends run (77 MB after 4,000 appends in 25 s; 13 MB after close, 2.7 MB with the default).
 */
final class H2Durability {

    private H2Durability() {
    }

    /**
     * {@code url} with {@code ;WRITE_DELAY=0} appended when it is an H2 URL of a database kept in a
     * file or on a server (not {@code jdbc:h2:mem:}) that does not set WRITE_DELAY itself; any other
     * URL unchanged. A WRITE_DELAY given in the URL is the user's choice and is kept.
     */
    static String writeAtCommit(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("JDBC:H2:") || upper.startsWith("JDBC:H2:MEM:") || upper.contains(";WRITE_DELAY=")) {
            return url;
        }
        return url + ";WRITE_DELAY=0";
    }

    /**
     * For a store on the application's EntityManagerFactory, whose URL it cannot change: checks
     * that an H2 database kept in a file writes each commit before it returns.
     *
     * @throws EventStoreException if it does not, saying what to add to the URL
     */
    static void requireWriteAtCommit(Transactions transactions) {
        transactions.read(() -> "checking when H2 writes commits to its file", null, (connection, dialect) -> {
            if (dialect != SqlDialect.H2) {
                return null;
            }
            try (Statement statement = connection.createStatement()) {
                String path;
                try (ResultSet result = statement.executeQuery("SELECT DATABASE_PATH()")) {
                    result.next();
                    path = result.getString(1);
                }
                if (path == null) {
                    return null;
                }
                // Two rows when a SET WRITE_DELAY was stored: the stored value and the one in force.
                try (ResultSet result = statement.executeQuery(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                    while (result.next()) {
                        if (!"0".equals(result.getString(1))) {
                            throw new EventStoreException("H2 at " + path + " writes commits to its file up to "
                                    + result.getString(1) + " ms after they return (WRITE_DELAY), so an append acknowledged"
                                    + " just before the process dies can be lost; add ;WRITE_DELAY=0 to the application's H2 URL");
                        }
                    }
                }
            }
            return null;
        });
    }
}
