package io.eventum.store.inmemory;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.StoredEvent;

import java.util.function.Consumer;

/**
 * One aggregate's events in ascending version order. Appends that continue the stream go to the
 * end of an {@link AppendOnlyLog}, which readers read without locking. The rare append that fills
 * a gap below the last version (only a caller bypassing the repository does that) builds a new,
 * merged stream instead, which the store swaps in: readers of the old one keep a consistent view.
 */
final class AggregateStream {

    private final AppendOnlyLog log = new AppendOnlyLog();

    /** The version of the last staged event; 0 when empty. Callers hold the store's write lock. */
    private long lastStagedVersion() {
        int staged = log.stagedSize();
        return staged == 0 ? 0 : log.get(staged - 1).version();
    }

    /** Whether an event with this version is stored. Callers hold the store's write lock. */
    boolean contains(long version) {
        int size = log.stagedSize();
        int above = firstIndexAbove(version, size);
        return above > 0 && log.get(above - 1).version() == version;
    }

    /**
     * Stages an event whose version is not stored yet; callers hold the store's write lock and
     * {@link #publish()} the stream they end up with.
     *
     * @return this stream if the event continues it, or a new merged stream to swap in
     */
    AggregateStream stage(StoredEvent event) {
        if (event.version() > lastStagedVersion()) {
            log.stage(event);
            return this;
        }
        AggregateStream merged = new AggregateStream();
        int staged = log.stagedSize();
        boolean placed = false;
        for (int i = 0; i < staged; i++) {
            StoredEvent existing = log.get(i);
            if (!placed && event.version() < existing.version()) {
                merged.log.stage(event);
                placed = true;
            }
            merged.log.stage(existing);
        }
        return merged;
    }

    /** Makes the staged events visible to readers at once. */
    void publish() {
        log.publish();
    }

    /** Hands the events the query selects to {@code action}, in the query's order. */
    void read(AggregateQuery query, Consumer<? super StoredEvent> action) {
        int size = log.size();
        int first = firstIndexAbove(query.afterVersion(), size);
        int end = firstIndexAbove(query.upToVersion(), size);
        int remaining = query.limit();
        if (query.descending()) {
            for (int i = end - 1; i >= first && remaining > 0; i--, remaining--) {
                action.accept(log.get(i));
            }
        } else {
            for (int i = first; i < end && remaining > 0; i++, remaining--) {
                action.accept(log.get(i));
            }
        }
    }

    /** The index of the first of the first {@code size} events whose version exceeds {@code version}. */
    private int firstIndexAbove(long version, int size) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (log.get(mid).version() <= version) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
