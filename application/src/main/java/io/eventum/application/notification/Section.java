package io.eventum.application.notification;

import io.eventum.application.store.StoredEvent;

import java.util.List;
import java.util.Objects;

/**
 * One page of a {@link NotificationLog}.
 *
 * @param id the section's id, {@code "first,last"} positions
 * @param items the events at those positions, ascending
 * @param nextId the next section's id, or {@code null} if the log holds nothing beyond this section yet
 */
public record Section(String id, List<StoredEvent> items, String nextId) {

    /** Copies the items. */
    public Section {
        Objects.requireNonNull(id, "id");
        items = List.copyOf(items);
    }

    /** The first position this section covers. */
    public long first() {
        return SectionId.parse(id).first();
    }

    /** The last position this section covers. */
    public long last() {
        return SectionId.parse(id).last();
    }
}
