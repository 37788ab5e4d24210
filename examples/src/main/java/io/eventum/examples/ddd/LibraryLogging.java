package io.eventum.examples.ddd;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * How much the libraries under the example say. The databases, the pool and the drivers all log
 * through java.util.logging here: Hibernate through JBoss Logging (which picks it when Logback is
 * absent), HikariCP, the embedded PostgreSQL and the MongoDB driver and server through SLF4J's JUL
 * binding. One root level therefore governs them all, and can change at run time.
 */
final class LibraryLogging {

    private LibraryLogging() {
    }

    /**
     * Lets through warnings and errors only, or, when {@code verbose}, INFO as well. Sets the root
     * logger and its handlers, so that a logger without a level of its own follows.
     */
    static void show(boolean verbose) {
        Level level = verbose ? Level.INFO : Level.WARNING;
        Logger root = Logger.getLogger("");
        root.setLevel(level);
        for (Handler handler : root.getHandlers()) {
            handler.setLevel(level);
        }
    }
}
