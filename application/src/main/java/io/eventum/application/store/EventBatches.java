package io.eventum.application.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The input checks every {@link EventStore} runs before writing anything, so that all adapters
 * reject the same bad batches with the same messages.
 */
public final class EventBatches {

    private EventBatches() {
    }

    /**
     * Checks a batch for {@link EventStore#append(List, Tracking)}.
     *
     * @param events the batch; may be empty only when {@code tracking} is not null
     * @param tracking the tracking record, or null
     * @throws IllegalArgumentException naming the first problem: a null or empty batch, a null
     *     event, a repeated (aggregate id, version), or an aggregate whose versions in the batch
     *     are not consecutive
     */
    public static void requireValid(List<EventRecord> events, Tracking tracking) {
        if (events == null) {
            throw new IllegalArgumentException("the batch of events is null");
        }
        if (events.isEmpty() && tracking == null) {
            throw new IllegalArgumentException("the batch of events is empty and carries no tracking record: nothing to append");
        }
        Map<UUID, Long> lastVersionInBatch = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            EventRecord event = events.get(i);
            if (event == null) {
                throw new IllegalArgumentException("event " + i + " of the batch is null");
            }
            Long previous = lastVersionInBatch.put(event.aggregateId(), event.version());
            if (previous != null && event.version() != previous + 1) {
                throw new IllegalArgumentException(previous >= event.version()
                        ? "the batch repeats or reorders aggregate " + event.aggregateId() + ": version "
                                + event.version() + " (type " + event.type() + ") follows version " + previous
                        : "the batch skips versions of aggregate " + event.aggregateId() + ": version "
                                + event.version() + " (type " + event.type() + ") follows version " + previous);
            }
        }
    }

    /**
     * Checks that a batch without tracking holds at least one event.
     *
     * @throws IllegalArgumentException if the batch is null or empty
     */
    static void requireNotEmpty(List<EventRecord> events) {
        if (events == null) {
            throw new IllegalArgumentException("the batch of events is null");
        }
        if (events.isEmpty()) {
            throw new IllegalArgumentException("the batch of events is empty: nothing to append");
        }
    }
}
