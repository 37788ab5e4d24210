package io.eventum.store.tck;

import io.eventum.application.projection.Projection;
import io.eventum.application.store.Tracking;
import io.eventum.domain.EventEnvelope;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The contract's read model: each tally's total, kept in memory together with the position it has
 * applied up to, both changed under one lock: the in-memory stand-in for a read model whose rows
 * and tracking record commit in one transaction. It can be told to fail on chosen events.
 */
final class TotalsView implements Projection {

    private final Map<UUID, Long> totals = new HashMap<>();
    private long position;
    private volatile Predicate<Tracking> failOn = tracking -> false;

    @Override
    public String name() {
        return "totals";
    }

    @Override
    public synchronized long trackedPosition() {
        return position;
    }

    @Override
    public synchronized void apply(EventEnvelope<?> event, Tracking tracking) {
        if (failOn.test(tracking)) {
            throw new IllegalStateException("the view cannot take position " + tracking.position());
        }
        if (tracking.position() <= position) {
            throw new IllegalStateException("position " + tracking.position() + " delivered again after " + position);
        }
        if (event.event() instanceof Tally.Added added) {
            totals.merge(event.aggregateId(), added.amount(), Long::sum);
        }
        position = tracking.position();
    }

    void failOn(Predicate<Tracking> condition) {
        this.failOn = condition;
    }

    synchronized Map<UUID, Long> totals() {
        return Map.copyOf(totals);
    }
}
