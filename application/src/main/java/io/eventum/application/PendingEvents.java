package io.eventum.application;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.Tracking;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.EventEnvelope;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Saves the pending events of several aggregates in one atomic append. */
final class PendingEvents {

    private PendingEvents() {
    }

    /**
     * One aggregate whose pending events a save stored.
     *
     * @param aggregate the aggregate, now at its saved version
     * @param versionBefore its version before the saved events
     */
    record Saved(AggregateRoot<?, ?> aggregate, long versionBefore) {
    }

    /**
     * Encodes every pending event of {@code aggregates} (each aggregate once, in argument order) with
     * {@code metadata}, appends them in one batch with {@code tracking}, and only then marks them
     * saved. If the append fails, every aggregate keeps its pending events.
     *
     * @return the aggregates that had pending events, with their versions before the save
     */
    static List<Saved> save(EventStore store, EventCodec codec, Tracking tracking, Map<String, String> metadata,
                            AggregateRoot<?, ?>... aggregates) {
        if (aggregates == null) {
            throw new IllegalArgumentException("cannot save a null array of aggregates");
        }
        Set<AggregateRoot<?, ?>> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Saved> saving = new ArrayList<>(aggregates.length);
        List<Integer> counts = new ArrayList<>(aggregates.length);
        List<EventRecord> records = new ArrayList<>();
        for (AggregateRoot<?, ?> aggregate : aggregates) {
            if (aggregate == null) {
                throw new IllegalArgumentException("cannot save a null aggregate");
            }
            List<? extends EventEnvelope<?>> pending = aggregate.pendingEvents();
            if (pending.isEmpty() || !distinct.add(aggregate)) {
                continue;
            }
            for (EventEnvelope<?> event : pending) {
                records.add(codec.encode(metadata.isEmpty() ? event : event.withMetadata(metadata)));
            }
            saving.add(new Saved(aggregate, aggregate.version() - pending.size()));
            counts.add(pending.size());
        }
        if (records.isEmpty() && tracking == null) {
            return List.of();
        }
        store.append(records, tracking);
        for (int i = 0; i < saving.size(); i++) {
            saving.get(i).aggregate().markSaved(counts.get(i));
        }
        return saving;
    }
}
