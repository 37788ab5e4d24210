package io.eventum.store.tck;

import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;

import java.util.List;

/**
 * An append a contract test holds open, as a slow writer (a long transaction) or a writer that dies
 * would: started, and on stores whose append has a window between taking its positions and
 * committing, held in that window. A store's contract subclass makes it in
 * {@link StoreContract#holdAppend}. Each is used once: committed, or killed.
 */
public interface HeldAppend {

    /**
     * Lets the append finish and commit, and returns the positions its events were given.
     *
     * @throws RuntimeException whatever the store's append throws
     */
    List<Long> commit();

    /**
     * Ends the writer without committing, as when its process or its database session is killed:
     * nothing of the append may be stored, and nothing of it may hold up readers or other writers.
     * Returns once the store has been told (the store may notice a little later).
     */
    void kill();

    /**
     * The held append of a store whose append has no window to hold: it takes its positions and
     * makes its events visible in one indivisible step (the in-memory store's lock, one MongoDB
     * document insert). Such a writer is "in flight" only before it calls {@code append}, so the
     * held append calls it at {@link #commit()}, and {@link #kill()} means it never does. On such
     * stores the contract's in-flight tests prove that appends and reads go on, in order, while a
     * writer has not appended, and that a writer that dies first leaves nothing behind; the window
     * itself exists only on stores with transactions.
     */
    static HeldAppend appendingAtCommit(EventStore store, List<EventRecord> events) {
        return new HeldAppend() {
            @Override
            public List<Long> commit() {
                return store.append(events);
            }

            @Override
            public void kill() {
            }
        };
    }
}
