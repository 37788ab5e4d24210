package io.eventum.store.tck;

import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.SnapshotStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

import java.util.List;

/**
 * The contract every Eventum store adapter passes: the guarantees of {@link EventStore} and
 * {@link SnapshotStore}, as tests. An adapter's conformance test is a few lines:
 *
 * <pre>{@code
 * class InMemoryStoreContractTest extends StoreContract<InMemoryEventStore> {
 *     protected InMemoryEventStore createStore() {
 *         return new InMemoryEventStore();
 *     }
 *
 *     protected HeldAppend holdAppend(List<EventRecord> events) {
 *         return HeldAppend.appendingAtCommit(store(), events);
 *     }
 * }
 * }</pre>
 *
 * <p>The contract owns the lifecycle: before each test it asks for a fresh, empty store, and after
 * each test it closes it. It never skips a test. The groups:
 * <ul>
 *   <li>{@link AppendContract}: atomic batches, optimistic concurrency, stale writers;</li>
 *   <li>{@link ReadContract}: reads by aggregate in every combination of bounds, order and limit;</li>
 *   <li>{@link GlobalReadContract}: positions, paging and type filters across aggregates;</li>
 *   <li>{@link ConcurrencyContract}: racing writers and a reader tailing by position;</li>
 *   <li>{@link InFlightAppendContract}: a slow append is never skipped, a killed one holds nobody up;</li>
 *   <li>{@link TrackingContract}: exactly-once tracking records for followers;</li>
 *   <li>{@link SnapshotContract}: storing and finding snapshots;</li>
 *   <li>{@link RepositoryContract}: repositories loading from snapshots plus later events;</li>
 *   <li>{@link SchemaEvolutionContract}: events and snapshots written at schema version 1 read at 3;</li>
 *   <li>{@link FollowingContract}: the notification log, projections and process applications;</li>
 *   <li>{@link ValueFidelityContract}: what append accepts reads back exactly and decodes; what a store
 *       could not keep exactly is refused, the same way on every store;</li>
 *   <li>{@link BadInputContract}: bad input fails fast and writes nothing.</li>
 * </ul>
 *
 * <p>What it deliberately does not assert: that a batch continues exactly where the stored stream
 * ends (repositories ensure that), that positions have no gaps (they may), how long a store keeps
 * older snapshots, and behaviour when the engine fails (each adapter tests that against its engine).
 *
 * @param <S> the store type under test
 */
public abstract class StoreContract<S extends EventStore & SnapshotStore> {

    private S store;

    /**
     * Creates the store under test: fresh and empty, backed by a real engine that the test itself
     * started. Called before every test; the contract closes it after.
     */
    protected abstract S createStore();

    /**
     * Starts an append of {@code events} to the current test's {@link #store()} and holds it open
     * where a slow writer would be: on a store with transactions, after the append has taken its
     * global positions and before it commits (a caller's transaction that has appended and not
     * committed yet), so that later appends may commit first. {@link HeldAppend#kill()} must end
     * that writer as a killed process or session would. A store whose append takes its positions
     * and becomes visible in one indivisible step returns
     * {@link HeldAppend#appendingAtCommit(EventStore, List)}, whose Javadoc says what the tests
     * then prove. Called at most once per test; the contract commits or kills what it returns.
     */
    protected abstract HeldAppend holdAppend(List<EventRecord> events);

    /** The store the current test runs against. */
    protected final S store() {
        return store;
    }

    @BeforeEach
    final void openFreshStore() {
        store = createStore();
    }

    @AfterEach
    final void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    @Nested
    class Appending extends AppendContract {
        @Override
        EventStore store() {
            return store;
        }
    }

    @Nested
    class ReadingByAggregate extends ReadContract {
        @Override
        EventStore store() {
            return store;
        }
    }

    @Nested
    class ReadingGlobally extends GlobalReadContract {
        @Override
        EventStore store() {
            return store;
        }
    }

    @Nested
    class UnderConcurrency extends ConcurrencyContract {
        @Override
        EventStore store() {
            return store;
        }
    }

    @Nested
    class WithAnAppendInFlight extends InFlightAppendContract {
        @Override
        EventStore store() {
            return store;
        }

        @Override
        HeldAppend holdAppend(List<EventRecord> events) {
            return StoreContract.this.holdAppend(events);
        }
    }

    @Nested
    class Tracking extends TrackingContract {
        @Override
        EventStore store() {
            return store;
        }
    }

    @Nested
    class Snapshots extends SnapshotContract {
        @Override
        SnapshotStore snapshots() {
            return store;
        }
    }

    @Nested
    class LoadingThroughRepositories extends RepositoryContract {
        @Override
        EventStore store() {
            return store;
        }

        @Override
        SnapshotStore snapshots() {
            return store;
        }
    }

    @Nested
    class EvolvingSchemas extends SchemaEvolutionContract {
        @Override
        EventStore store() {
            return store;
        }

        @Override
        SnapshotStore snapshots() {
            return store;
        }
    }

    @Nested
    class Following extends FollowingContract {
        @Override
        EventStore store() {
            return store;
        }
    }

    @Nested
    class KeepingValuesExactly extends ValueFidelityContract {
        @Override
        EventStore store() {
            return store;
        }

        @Override
        SnapshotStore snapshots() {
            return store;
        }
    }

    @Nested
    class RejectingBadInput extends BadInputContract {
        @Override
        EventStore store() {
            return store;
        }

        @Override
        SnapshotStore snapshots() {
            return store;
        }
    }
}
