package io.eventum.application;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.Tracking;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.DomainEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Saves the pending events of several aggregates in one atomic append. */
final class PendingEvents {

    private PendingEvents() {
    }

    /**
     * Encodes every pending event of {@code aggregates} (each aggregate once, in argument order),
     * appends them in one batch with {@code tracking}, and only then marks them saved. If the
     * append fails, every aggregate keeps its pending events.
     *
     * @return the positions of the appended events; empty if nothing was pending and no tracking given
     */
    static List<Long> save(EventStore store, EventCodec codec, Tracking tracking, AggregateRoot<?, ?>... aggregates) {
        Set<AggregateRoot<?, ?>> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        List<AggregateRoot<?, ?>> saving = new ArrayList<>(aggregates.length);
        List<Integer> counts = new ArrayList<>(aggregates.length);
        List<EventRecord> records = new ArrayList<>();
        for (AggregateRoot<?, ?> aggregate : aggregates) {
            if (aggregate == null) {
                throw new IllegalArgumentException("cannot save a null aggregate");
            }
            if (!distinct.add(aggregate)) {
                continue;
            }
            List<? extends DomainEvent> pending = aggregate.pendingEvents();
            for (DomainEvent event : pending) {
                records.add(codec.encode(event));
            }
            saving.add(aggregate);
            counts.add(pending.size());
        }
        if (records.isEmpty() && tracking == null) {
            return List.of();
        }
        List<Long> positions = store.append(records, tracking);
        for (int i = 0; i < saving.size(); i++) {
            saving.get(i).markSaved(counts.get(i));
        }
        return positions;
    }
}
