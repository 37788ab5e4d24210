package io.eventum.benchmarks.replay;

import io.eventum.benchmarks.EngineStore;
import io.eventum.benchmarks.account.Account;
import io.eventum.benchmarks.account.Bank;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * An {@link Account}, whose state does not grow with its history, with a snapshot policy of every
 * 100 events, loaded at 100 and at 100,000 events: the counterpart of
 * {@link EventumSnapshotReplayBenchmark}, showing what a snapshot makes of a load when the state
 * stays small. As there, the newest snapshot is at the last version, so a load reads one snapshot
 * and no event after it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public abstract class EventumAccountSnapshotReplayBenchmark {

    /** How many events the account has: one Opened, then Deposited. */
    @Param({"100", "100000"})
    public int events;

    private EngineStore engineStore;
    private Bank bank;
    private UUID id;

    /** A new, empty store on an engine of its own for this trial; the store is also the snapshot store. */
    protected abstract EngineStore openStore();

    /** Stores the account, taking snapshots as it goes, once per trial. */
    @Setup(Level.Trial)
    public void populate() {
        engineStore = openStore();
        bank = new Bank(engineStore.store(), EventumSnapshotReplayBenchmark.SNAPSHOT_EVERY);
        id = bank.openWithHistory(events);
    }

    /** One load: the newest snapshot, then the events after it. */
    @Benchmark
    public Account load() {
        return bank.accounts.get(id);
    }

    /** Closes the application and its store. */
    @TearDown(Level.Trial)
    public void close() {
        bank.close();
        engineStore.stopEngine();
    }
}
