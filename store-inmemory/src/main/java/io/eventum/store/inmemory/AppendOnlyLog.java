package io.eventum.store.inmemory;

import io.eventum.application.store.StoredEvent;

import java.util.Arrays;

/**
 * A growable array of events that one writer at a time appends to (under the store's lock) while
 * any number of readers read without locking.
 *
 * <p>The writer {@linkplain #stage stages} events and then {@linkplain #publish publishes} them
 * all at once, so a reader sees a batch whole or not at all. A reader reads {@link #size()} first
 * and then only indexes below it: the writer stores the elements (and a grown array) before it
 * publishes the new size through a volatile write, so everything below a size a reader has seen is
 * visible to it.
 */
final class AppendOnlyLog {

    private volatile StoredEvent[] events = new StoredEvent[8];
    private volatile int size;
    private int staged;

    /** Stages one event after the last staged one; invisible to readers until {@link #publish()}. */
    void stage(StoredEvent event) {
        StoredEvent[] current = events;
        if (staged == current.length) {
            current = Arrays.copyOf(current, staged * 2);
            events = current;
        }
        current[staged++] = event;
    }

    /** Makes every staged event visible to readers. */
    void publish() {
        size = staged;
    }

    /** The index the next staged event will take. */
    int stagedSize() {
        return staged;
    }

    /** How many events are published; read this before {@link #get}. */
    int size() {
        return size;
    }

    /** The event at {@code index}, which must be below a size this thread has read (or staged). */
    StoredEvent get(int index) {
        return events[index];
    }
}
