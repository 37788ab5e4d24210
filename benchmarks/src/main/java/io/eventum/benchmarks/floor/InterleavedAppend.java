package io.eventum.benchmarks.floor;

import com.zaxxer.hikari.HikariDataSource;
import io.eventum.application.store.EventRecord;
import io.eventum.benchmarks.EventumStores;
import io.eventum.benchmarks.db.Pools;
import io.eventum.benchmarks.db.PostgresDatabase;
import io.eventum.store.jpa.JpaEventStore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An A/B check of the 1-event append against its JDBC floor that holds on a noisy machine: each of
 * one or more threads appends through Eventum's store port and through the floor
 * ({@link FloorRows}) in turn, op by op, on one durable embedded PostgreSQL, so that both meet the
 * same disk and the same load at the same moment (JMH trials of each, minutes apart, meet a disk
 * whose flush latency may have doubled in between). Prints each one's latency (p50, p99, mean),
 * their ratio (with many threads, the floor's mean over Eventum's is their throughput ratio), and
 * how many writing transactions each round took (2: one each; read from the transaction ids).
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.eventum.benchmarks.floor.InterleavedAppend 500 4}</pre>
 */
public final class InterleavedAppend {

    private InterleavedAppend() {
    }

    /**
     * Runs the check.
     *
     * @param args the rounds each thread measures (after 100 rounds of warm-up), 500 if none; then
     *     the number of threads, 1 if none
     */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        try (PostgresDatabase database = new PostgresDatabase();
             JpaEventStore store = EventumStores.jpa(database);
             HikariDataSource floor = Pools.pool("floor", database.jdbcUrl(), database.user(), database.password(), false)) {
            try (Connection connection = database.dataSource().getConnection()) {
                FloorRows.createTable(connection);
            }
            long[][] eventum = new long[threads][rounds];
            long[][] jdbc = new long[threads][rounds];
            CyclicBarrier warmedUp = new CyclicBarrier(threads + 1);
            CyclicBarrier done = new CyclicBarrier(threads + 1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    for (int round = -100; round < rounds; round++) {
                        if (round == 0) {
                            warmedUp.await();
                        }
                        long start = System.nanoTime();
                        store.append(List.of(new EventRecord(UUID.randomUUID(), 1, FloorRows.TYPE, FloorRows.PAYLOAD, Map.of(),
                                Instant.now())));
                        long between = System.nanoTime();
                        try (Connection connection = floor.getConnection()) {
                            FloorRows.appendNewAggregate(connection, 1);
                        }
                        if (round >= 0) {
                            eventum[thread][round] = between - start;
                            jdbc[thread][round] = System.nanoTime() - between;
                        }
                    }
                    done.await();
                    return null;
                }));
            }
            warmedUp.await();
            long xidsBefore = nextTransactionId(database);
            done.await();
            for (Future<?> writer : writers) {
                writer.get();
            }
            pool.shutdown();
            // Every writing transaction takes one transaction id; nothing else writes meanwhile.
            double writesPerRound = (nextTransactionId(database) - xidsBefore) / (double) (rounds * threads);
            long[] e = Arrays.stream(eventum).flatMapToLong(Arrays::stream).toArray();
            long[] f = Arrays.stream(jdbc).flatMapToLong(Arrays::stream).toArray();
            System.out.printf("durable=%s threads=%d rounds=%d | Eventum p50 %d µs, p99 %d µs, mean %d µs | JDBC floor p50 %d µs,"
                            + " p99 %d µs, mean %d µs | Eventum ÷ floor: p50 %.2f×, mean %.2f× | writing transactions per"
                            + " round %.2f%n",
                    PostgresDatabase.durable(), threads, rounds, percentile(e, 50), percentile(e, 99), mean(e),
                    percentile(f, 50), percentile(f, 99), mean(f),
                    percentile(e, 50) / (double) percentile(f, 50), mean(e) / (double) mean(f), writesPerRound);
        }
    }

    /** The id the next writing transaction will get; reading it assigns none. */
    private static long nextTransactionId(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet next = statement.executeQuery("SELECT CAST(CAST(pg_snapshot_xmax(pg_current_snapshot()) AS text) AS bigint)")) {
            next.next();
            return next.getLong(1);
        }
    }

    private static long percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, sorted.length * percent / 100)] / 1_000;
    }

    private static long mean(long[] nanos) {
        return Arrays.stream(nanos).sum() / nanos.length / 1_000;
    }
}
