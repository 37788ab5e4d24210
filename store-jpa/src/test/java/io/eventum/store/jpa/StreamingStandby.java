package io.eventum.store.jpa;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * A real PostgreSQL primary and a hot standby streaming from it, both run from the embedded
 * binaries. Those hold no {@code pg_basebackup}, so the standby is made as the low-level base
 * backup API describes: {@code pg_backup_start} on the primary, a copy of its data directory,
 * {@code pg_backup_stop}, whose label file becomes the copy's {@code backup_label}; then
 * {@code standby.signal} and {@code primary_conninfo} make the copy a standby that streams from
 * the primary through a physical replication slot (which keeps the WAL it still needs). initdb's
 * pg_hba.conf trusts replication connections from localhost. Replication is asynchronous: wait for
 * it with {@link #awaitReplay}.
 */
final class StreamingStandby implements AutoCloseable {

    /** What the primary's data directory holds that a base backup leaves out (the directories stay, empty). */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "pg_internal.init", "epg-lock");
    private static final String SLOT = "eventum_standby";

    private final EmbeddedPostgres primary;
    private final EmbeddedPostgres standby;

    private StreamingStandby(EmbeddedPostgres primary, EmbeddedPostgres standby) {
        this.primary = primary;
        this.standby = standby;
    }

    /** Starts a primary in {@code directory}/primary and its standby in {@code directory}/standby. */
    static StreamingStandby start(Path directory) throws IOException, SQLException {
        Path primaryData = directory.resolve("primary");
        Path standbyData = directory.resolve("standby");
        EmbeddedPostgres primary = EmbeddedPostgres.builder().setDataDirectory(primaryData).setCleanDataDirectory(true).start();
        try {
            baseBackup(primary.getPort(), primaryData, standbyData);
            EmbeddedPostgres standby = EmbeddedPostgres.builder().setDataDirectory(standbyData).setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60)).start();
            return new StreamingStandby(primary, standby);
        } catch (IOException | SQLException | RuntimeException e) {
            primary.close();
            throw e;
        }
    }

    private static void baseBackup(int primaryPort, Path primaryData, Path standbyData) throws IOException, SQLException {
        String label;
        // pg_backup_start and pg_backup_stop must run in one session.
        try (Connection connection = DriverManager.getConnection(EmbeddedPostgresServer.url(primaryPort),
                EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
            statement.execute("SELECT pg_backup_start('eventum standby', true)");
            copyDataDirectory(primaryData, standbyData);
            try (ResultSet stop = statement.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
                stop.next();
                label = stop.getString(1);
            }
        }
        Files.writeString(standbyData.resolve("backup_label"), label, StandardCharsets.UTF_8);
        Files.createFile(standbyData.resolve("standby.signal"));
        // hot_standby_feedback: the primary's vacuum keeps rows a standby query still reads, so a
        // follower's read is not cancelled for a conflict with recovery.
        Files.writeString(standbyData.resolve("postgresql.auto.conf"),
                "primary_conninfo = 'host=localhost port=" + primaryPort + " user=" + EmbeddedPostgresServer.USER
                        + " application_name=" + SLOT + "'\n"
                        + "primary_slot_name = '" + SLOT + "'\n"
                        + "hot_standby = on\n"
                        + "hot_standby_feedback = on\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** Copies a running server's data directory, as a base backup does; files that vanish meanwhile were temporary. */
    private static void copyDataDirectory(Path from, Path to) throws IOException {
        // PostgreSQL refuses a data directory that others may read.
        Files.createDirectories(to.getParent());
        Files.createDirectory(to, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                Path target = to.resolve(from.relativize(directory).toString());
                if (!directory.equals(from)) {
                    Files.createDirectory(target);
                    Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(directory));
                }
                boolean emptied = directory.getParent() != null && directory.getParent().equals(from)
                        && EMPTIED.contains(directory.getFileName().toString());
                if (emptied) {
                    // pg_wal's archive_status and summaries are made again by the standby
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String name = file.getFileName().toString();
                if (LEFT_OUT.contains(name) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                } catch (NoSuchFileException vanished) {
                    // a temporary file the server removed while the copy ran
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                if (failure instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
    }

    /** The JDBC URL of the primary's {@code postgres} database, with {@code schema} as its search path. */
    String primaryUrl(String schema) {
        return EmbeddedPostgresServer.url(primary.getPort()) + "?currentSchema=" + schema;
    }

    /** The JDBC URL of the standby's {@code postgres} database, with {@code schema} as its search path. */
    String standbyUrl(String schema) {
        return EmbeddedPostgresServer.url(standby.getPort()) + "?currentSchema=" + schema;
    }

    /** Runs one statement on the primary. */
    void onPrimary(String sql) {
        EmbeddedPostgresServer.execute(EmbeddedPostgresServer.url(primary.getPort()), sql);
    }

    /** Waits, at most {@code bound}, until the standby has replayed everything the primary has written so far. */
    void awaitReplay(Duration bound) {
        String written;
        try (Connection connection = connect(primary.getPort());
             Statement statement = connection.createStatement();
             // the insert position: the embedded server commits asynchronously, so a commit may
             // still wait in the WAL buffers, beyond the written position
             ResultSet lsn = statement.executeQuery("SELECT CAST(pg_current_wal_insert_lsn() AS text)")) {
            lsn.next();
            written = lsn.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the primary's WAL position", e);
        }
        long deadline = System.nanoTime() + bound.toNanos();
        try (Connection connection = connect(standby.getPort());
             PreparedStatement replayed = connection.prepareStatement("SELECT pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn)")) {
            replayed.setString(1, written);
            while (true) {
                try (ResultSet caughtUp = replayed.executeQuery()) {
                    caughtUp.next();
                    if (caughtUp.getBoolean(1)) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the standby has not replayed the primary's WAL up to " + written
                            + " within " + bound);
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the standby's replayed WAL position", e);
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection(EmbeddedPostgresServer.url(port), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }

    @Override
    public void close() {
        try {
            standby.close();
        } catch (IOException e) {
            throw new UncheckedIOException("stopping the standby", e);
        } finally {
            try {
                primary.close();
            } catch (IOException e) {
                throw new UncheckedIOException("stopping the primary", e);
            }
        }
    }
}
