package io.eventum.application.projection;

import io.eventum.application.store.Tracking;
import io.eventum.domain.EventEnvelope;

/**
 * Something that follows the notification log: a read model, or a process application.
 *
 * <p>Exactly-once processing rests on one rule: {@link #apply} stores its effect and the
 * {@link Tracking} record it is given in one atomic write, and {@link #trackedPosition()} reads the
 * position back from the same place. Then a runner that stops (or crashes) at any point resumes
 * after the last event whose effect was stored: none is lost, none applied twice. When the read
 * model lives in the event store's database, record the tracking with
 * {@code EventStore.append(List.of(), tracking)} in the same transaction as the read-model rows (the
 * JPA store joins the caller's transaction), and read it with {@code EventStore.trackedPosition}.
 */
public interface Projection {

    /** The projection's stable name, under which its tracking records are kept. */
    String name();

    /** The position of the last event whose effect is stored; 0 if none. */
    long trackedPosition();

    /**
     * Applies one event and stores {@code tracking} atomically with the effect. Throwing stops the
     * runner; the event is delivered again after a restart, never skipped.
     *
     * @param event the decoded event in its envelope: aggregate id, version, timestamp, metadata
     * @param tracking this projection's name and the event's global position
     */
    void apply(EventEnvelope<?> event, Tracking tracking);
}
