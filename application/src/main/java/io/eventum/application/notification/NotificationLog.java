package io.eventum.application.notification;

import io.eventum.application.store.StoredEvent;

import java.util.List;
import java.util.Set;

/**
 * All stored events in ascending global position order, for followers. Because positions increase
 * in commit order, a follower that has read up to position p never later finds a new event at or
 * below p: it can resume from the last position it processed.
 *
 * <p>Two ways to read: {@link #select} for a follower in the same process, and {@link #section}
 * for pages with stable ids and a link to the next page, which a remote reader can fetch.
 */
public interface NotificationLog {

    /**
     * Up to {@code limit} events with a position above {@code afterPosition}, ascending.
     *
     * @param types the stored type strings to return; empty for every type
     * @throws IllegalArgumentException if {@code afterPosition} is negative or {@code limit} below 1
     * @throws io.eventum.application.store.EventStoreException if the store fails
     */
    default List<StoredEvent> select(long afterPosition, int limit, Set<String> types) {
        return select(afterPosition, Long.MAX_VALUE, limit, types);
    }

    /**
     * Up to {@code limit} events with a position above {@code afterPosition} and at most
     * {@code upToPosition}, ascending.
     *
     * @param types the stored type strings to return; empty for every type
     * @throws IllegalArgumentException if a position is negative or {@code limit} below 1
     * @throws io.eventum.application.store.EventStoreException if the store fails
     */
    List<StoredEvent> select(long afterPosition, long upToPosition, int limit, Set<String> types);

    /**
     * The section with id {@code "first,last"}: the events at positions {@code first..last}
     * (fewer if positions have gaps or the log has not reached {@code last}), and the id of the next
     * section if the log already holds events beyond it.
     *
     * @throws IllegalArgumentException if the id is not {@code "first,last"} with
     *     {@code 1 <= first <= last}
     * @throws io.eventum.application.store.EventStoreException if the store fails
     */
    Section section(String sectionId);

    /** The size of the sections this log serves, as in the first section's id {@code "1,size"}. */
    int sectionSize();
}
