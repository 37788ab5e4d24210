package io.eventum.application;

import io.eventum.application.projection.Projection;
import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.Tracking;
import io.eventum.application.store.TrackingConflictException;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.EventEnvelope;

import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.Objects;

/**
 * An application that follows another application's events and reacts to them by changing its
 * own aggregates: its {@link #policy} turns each upstream event into changed aggregates, and the
 * new events are appended together with the upstream event's position as ONE atomic append. So a
 * process application that stops at any point and restarts neither loses nor repeats an effect.
 * Each new event's metadata names the upstream event as its cause ({@link Metadata#causedBy}).
 *
 * <p>Run it with a {@link io.eventum.application.projection.ProjectionRunner} over the upstream
 * application's notification log and codec. If another instance has already processed an event
 * (its tracking record is stored), the effect is dropped. If a policy's save meets a concurrency
 * conflict on the process application's own aggregates, the policy runs again on fresh state, up
 * to {@value #ATTEMPTS} times.
 */
public abstract class ProcessApplication extends Application implements Projection {

    static final int ATTEMPTS = 3;

    private static final System.Logger LOG = System.getLogger(ProcessApplication.class.getName());

    private final String name;

    /**
     * @param name the stable name under which this application's tracking records are kept
     * @param builder this application's own store and aggregate types
     */
    protected ProcessApplication(String name, Builder builder) {
        super(builder);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a process application needs a name for its tracking records");
        }
        this.name = name;
    }

    /**
     * Reacts to one upstream event: loads this application's aggregates through its repositories,
     * runs their commands, and returns the aggregates whose pending events to save. Returns an
     * empty collection to record only that the event was processed.
     */
    protected abstract Collection<? extends AggregateRoot<?, ?>> policy(EventEnvelope<?> event);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public long trackedPosition() {
        return store().trackedPosition(name);
    }

    /**
     * Runs the policy and appends its new events with {@code tracking} atomically.
     *
     * @throws ConcurrencyConflictException if the policy's save conflicted {@value #ATTEMPTS} times
     */
    @Override
    public final void apply(EventEnvelope<?> event, Tracking tracking) {
        Objects.requireNonNull(tracking, "tracking");
        for (int attempt = 1; ; attempt++) {
            Collection<? extends AggregateRoot<?, ?>> changed = policy(event);
            try {
                save(tracking, Metadata.causedBy(event), changed.toArray(AggregateRoot<?, ?>[]::new));
                return;
            } catch (TrackingConflictException alreadyProcessed) {
                LOG.log(Level.INFO, "process application " + name + " has already processed position " + tracking.position()
                        + "; dropping this second effect");
                return;
            } catch (ConcurrencyConflictException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }
}
