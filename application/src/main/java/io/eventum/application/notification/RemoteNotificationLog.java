package io.eventum.application.notification;

import io.eventum.application.store.StoredEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link NotificationLog} read through sections only, as a reader in another process reads one:
 * {@code fetch} gets a section by id (over HTTP, say, with the JSON of
 * {@code io.eventum.application.codec.jackson.JacksonSectionFormat}); this class follows the
 * sections and their next links to answer {@link #select}. A next link that does not move forward
 * fails with {@link IllegalStateException} instead of looping.
 */
public final class RemoteNotificationLog implements NotificationLog {

    private final Function<String, Section> fetch;
    private final int sectionSize;

    /**
     * @param fetch returns the section with the given id; its failures propagate
     * @param sectionSize the section size the serving log uses
     */
    public RemoteNotificationLog(Function<String, Section> fetch, int sectionSize) {
        this.fetch = Objects.requireNonNull(fetch, "fetch");
        if (sectionSize < 1) {
            throw new IllegalArgumentException("section size must be at least 1, was " + sectionSize);
        }
        this.sectionSize = sectionSize;
    }

    @Override
    public List<StoredEvent> select(long afterPosition, long upToPosition, int limit, Set<String> types) {
        if (afterPosition < 0 || upToPosition < 0 || limit < 1) {
            throw new IllegalArgumentException("cannot select " + limit + " events after position " + afterPosition + " up to " + upToPosition);
        }
        List<StoredEvent> selected = new ArrayList<>();
        String id = afterPosition < upToPosition ? SectionId.containing(afterPosition + 1, sectionSize).toString() : null;
        while (id != null && selected.size() < limit) {
            Section section = fetch.apply(id);
            for (StoredEvent event : section.items()) {
                if (event.position() > afterPosition && event.position() <= upToPosition
                        && (types.isEmpty() || types.contains(event.type())) && selected.size() < limit) {
                    selected.add(event);
                }
            }
            id = SectionId.parse(id).last() >= upToPosition ? null : next(id, section);
        }
        return selected;
    }

    /**
     * The id of the section after {@code section}, checked to move forward: a next link that points
     * to the same section or back would make a follower read the same events forever.
     *
     * @throws IllegalStateException if the next link does not start after the fetched section
     */
    private static String next(String requested, Section section) {
        String next = section.nextId();
        if (next == null) {
            return null;
        }
        SectionId current = SectionId.parse(requested);
        SectionId following;
        try {
            following = SectionId.parse(next);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalStateException("section " + requested + " links to a malformed next section: " + malformed.getMessage(), malformed);
        }
        if (following.first() <= current.last()) {
            throw new IllegalStateException("section " + requested + " links to section " + following
                    + ", which does not come after it: the log being followed is broken (a follower would loop forever)");
        }
        return following.toString();
    }

    @Override
    public Section section(String sectionId) {
        return fetch.apply(sectionId);
    }

    @Override
    public int sectionSize() {
        return sectionSize;
    }
}
