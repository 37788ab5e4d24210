package io.eventum.examples.dogschool;

import io.eventum.application.projection.Projection;
import io.eventum.application.store.Tracking;
import io.eventum.domain.EventEnvelope;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A read model of how many tricks each dog knows, kept by a projection. It lives in memory, so
 * its rows and its position change together under one lock: the in-memory form of "commit the
 * rows and the tracking record in one transaction". The README shows it.
 */
// tag::projection[]
public final class TrickCounts implements Projection {
    private final Map<UUID, Integer> counts = new ConcurrentHashMap<>();
    private long position;                      // kept with the counts, changed atomically with them

    @Override public String name() { return "trick-counts"; }
    @Override public synchronized long trackedPosition() { return position; }

    @Override public synchronized void apply(EventEnvelope<?> event, Tracking tracking) {
        if (event.event() instanceof Dog.TrickAdded) counts.merge(event.aggregateId(), 1, Integer::sum);
        position = tracking.position();         // resume here after a restart: no event lost or applied twice
    }

    public int tricksOf(UUID dogId) { return counts.getOrDefault(dogId, 0); }
}
// end::projection[]
