package io.eventum.application.notification;

import io.eventum.application.store.EventStore;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.StoredEvent;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The {@link NotificationLog} of an event store in this process: a thin layer over its global read. */
public final class LocalNotificationLog implements NotificationLog {

    /** The section size used unless another is given. */
    public static final int DEFAULT_SECTION_SIZE = 100;

    private final EventStore store;
    private final int sectionSize;

    /** The log of {@code store} in sections of {@value #DEFAULT_SECTION_SIZE}. */
    public LocalNotificationLog(EventStore store) {
        this(store, DEFAULT_SECTION_SIZE);
    }

    /**
     * The log of {@code store} in sections of {@code sectionSize} positions.
     *
     * @throws IllegalArgumentException if {@code sectionSize} is below 1
     */
    public LocalNotificationLog(EventStore store, int sectionSize) {
        this.store = Objects.requireNonNull(store, "store");
        if (sectionSize < 1) {
            throw new IllegalArgumentException("section size must be at least 1, was " + sectionSize);
        }
        this.sectionSize = sectionSize;
    }

    @Override
    public List<StoredEvent> select(long afterPosition, long upToPosition, int limit, Set<String> types) {
        return store.readAll(GlobalQuery.after(afterPosition, limit).upTo(upToPosition).ofTypes(types));
    }

    @Override
    public Section section(String sectionId) {
        SectionId range = SectionId.parse(sectionId);
        long size = range.last() - range.first() + 1;
        List<StoredEvent> items = store.readAll(GlobalQuery.after(range.first() - 1, (int) Math.min(size, Integer.MAX_VALUE))
                .upTo(range.last()));
        // The next section that holds an event, not merely the next range: positions may have gaps
        // (on PostgreSQL, large ones between transactions), which a reader must not walk through.
        List<StoredEvent> following = store.readAll(GlobalQuery.after(range.last(), 1));
        String next = following.isEmpty() ? null : sectionHolding(range, following.get(0).position()).toString();
        return new Section(range.toString(), items, next);
    }

    /** The section of {@code range}'s size, aligned with it, that holds {@code position}. */
    private static SectionId sectionHolding(SectionId range, long position) {
        long size = range.last() - range.first() + 1;
        long first = range.first() + (position - range.first()) / size * size;
        return new SectionId(first, first + size - 1);
    }

    @Override
    public int sectionSize() {
        return sectionSize;
    }
}
