package io.eventum.application.projection;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.notification.NotificationLog;
import io.eventum.application.store.CorruptStoredEventException;
import io.eventum.application.store.StoreUnavailableException;
import io.eventum.application.store.StoredEvent;
import io.eventum.application.store.Tracking;
import io.eventum.domain.AggregateType;
import io.eventum.domain.EventEnvelope;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one {@link Projection} on its own thread: it resumes after the projection's tracked
 * position, catches up through the {@link NotificationLog} page by page, then delivers new events
 * as they are stored, polling with a backoff between {@code minIdleWait} and {@code maxIdleWait}
 * (1 ms to 100 ms unless set): a new event reaches the projection within {@code maxIdleWait} plus
 * the time to read and apply it.
 *
 * <p>Events are delivered one at a time, in position order. If the projection throws, the runner
 * stops and reports a {@link ProjectionFailedException} naming the event; it never skips it. If the
 * store cannot be reached ({@link StoreUnavailableException}: the database is down, say), the
 * runner logs it and retries with the same backoff. If a stored event cannot be read
 * ({@link CorruptStoredEventException}), the runner delivers every event before it, then stops,
 * naming it: retrying would never get past it. Any other failure to read the log stops the runner
 * too. {@link #stop()} lets the event being applied finish, then ends the thread.
 *
 * <pre>{@code
 * try (var runner = app.projectionRunner(projection).following(Dog.TYPE).build()) {
 *     runner.start();
 *     ...
 * }
 * }</pre>
 */
public final class ProjectionRunner implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ProjectionRunner.class.getName());

    private final NotificationLog log;
    private final EventCodec codec;
    private final Projection projection;
    private final Set<String> types;
    private final int pageSize;
    private final long minIdleNanos;
    private final long maxIdleNanos;

    private final Object progress = new Object();
    private volatile boolean stopping;
    private volatile Thread thread;
    private long appliedPosition = -1;
    private ProjectionFailedException failure;

    private ProjectionRunner(Builder builder) {
        this.log = builder.log;
        this.codec = builder.codec;
        this.projection = builder.projection;
        this.types = Set.copyOf(builder.types);
        this.pageSize = builder.pageSize;
        this.minIdleNanos = builder.minIdleWait.toNanos();
        this.maxIdleNanos = builder.maxIdleWait.toNanos();
    }

    /** A builder for a runner that feeds {@code projection} from {@code log}, decoding with {@code codec}. */
    public static Builder builder(NotificationLog log, EventCodec codec, Projection projection) {
        return new Builder(log, codec, projection);
    }

    /**
     * Starts following on a new daemon thread.
     *
     * @throws IllegalStateException if this runner was started before
     */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("projection runner " + projection.name() + " was already started; build a new one to restart");
        }
        thread = new Thread(this::run, "eventum-projection-" + projection.name());
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the event being applied, and waits up to 10 seconds for the thread to end. */
    public void stop() {
        stopping = true;
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
            try {
                running.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Whether the runner's thread is alive. */
    public boolean isRunning() {
        Thread running = thread;
        return running != null && running.isAlive();
    }

    /** Why the runner stopped on its own, if it did. */
    public Optional<ProjectionFailedException> failure() {
        synchronized (progress) {
            return Optional.ofNullable(failure);
        }
    }

    /** The position of the last event this runner saw applied, or of the tracked start; -1 before it started reading. */
    public long position() {
        synchronized (progress) {
            return appliedPosition;
        }
    }

    /**
     * Waits until the projection has applied everything up to {@code position}, the runner failed,
     * or {@code timeout} passed.
     *
     * @return whether the projection reached {@code position}
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean awaitPosition(long position, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (appliedPosition < position && failure == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                progress.wait(Math.max(1, left / 1_000_000));
            }
            return appliedPosition >= position;
        }
    }

    private void run() {
        long position = projection.trackedPosition();
        publish(position, null);
        long idleNanos = minIdleNanos;
        while (!stopping) {
            List<StoredEvent> page;
            try {
                page = log.select(position, pageSize, types);
            } catch (StoreUnavailableException e) {
                LOG.log(Level.WARNING, "projection " + projection.name() + " cannot reach the notification log after position "
                        + position + "; retrying: " + e.getMessage());
                page = List.of();
            } catch (CorruptStoredEventException e) {
                // Deliver every event before the one that cannot be read, then stop there: it will never read.
                long before = e.position() > position ? e.position() - 1 : position;
                if (deliverUpTo(position, before)) {
                    fail(new ProjectionFailedException(projection.name(), e), e);
                }
                return;
            } catch (RuntimeException e) {
                fail(new ProjectionFailedException(projection.name(), position, e), e);
                return;
            }
            if (page.isEmpty()) {
                LockSupport.parkNanos(idleNanos);
                idleNanos = Math.min(maxIdleNanos, idleNanos * 2);
                continue;
            }
            idleNanos = minIdleNanos;
            for (StoredEvent stored : page) {
                if (stopping || !deliver(stored)) {
                    return;
                }
                position = stored.position();
            }
        }
    }

    /**
     * Delivers the events after {@code position} up to {@code last}, those the log can read.
     *
     * @return whether all were delivered and the runner may go on
     */
    private boolean deliverUpTo(long position, long last) {
        long at = position;
        while (at < last && !stopping) {
            List<StoredEvent> page;
            try {
                page = log.select(at, last, pageSize, types);
            } catch (RuntimeException e) {
                fail(new ProjectionFailedException(projection.name(), at, e), e);
                return false;
            }
            if (page.isEmpty()) {
                return true;
            }
            for (StoredEvent stored : page) {
                if (stopping || !deliver(stored)) {
                    return false;
                }
                at = stored.position();
            }
        }
        return !stopping;
    }

    /** Decodes and applies one event; on failure stops the runner and returns false. */
    private boolean deliver(StoredEvent stored) {
        try {
            EventEnvelope<Object> event = codec.decodeEnvelope(stored);
            projection.apply(event, new Tracking(projection.name(), stored.position()));
        } catch (RuntimeException | Error e) {
            fail(new ProjectionFailedException(projection.name(), stored, e), e);
            return false;
        }
        publish(stored.position(), null);
        return true;
    }

    private void fail(ProjectionFailedException failed, Throwable cause) {
        LOG.log(Level.ERROR, failed.getMessage(), cause);
        synchronized (progress) {
            failure = failed;
            progress.notifyAll();
        }
    }

    private void publish(long position, ProjectionFailedException failed) {
        synchronized (progress) {
            appliedPosition = position;
            if (failed != null) {
                failure = failed;
            }
            progress.notifyAll();
        }
    }

    /** Settings of a runner; every setting has a default. */
    public static final class Builder {

        private final NotificationLog log;
        private final EventCodec codec;
        private final Projection projection;
        private Set<String> types = Set.of();
        private int pageSize = 100;
        private Duration minIdleWait = Duration.ofMillis(1);
        private Duration maxIdleWait = Duration.ofMillis(100);

        private Builder(NotificationLog log, EventCodec codec, Projection projection) {
            this.log = Objects.requireNonNull(log, "log");
            this.codec = Objects.requireNonNull(codec, "codec");
            this.projection = Objects.requireNonNull(projection, "projection");
        }

        /** Follow only events stored under these type strings; by default every event. */
        public Builder types(Set<String> storedTypes) {
            this.types = Set.copyOf(storedTypes);
            return this;
        }

        /** Follow only the events of these aggregate types, all their schema versions and aliases included. */
        public Builder following(AggregateType<?, ?>... aggregateTypes) {
            Set<String> stored = new java.util.LinkedHashSet<>();
            for (AggregateType<?, ?> type : aggregateTypes) {
                stored.addAll(EventTypeRegistry.storedNamesOf(type));
            }
            return types(stored);
        }

        /** How many events to read per page; 100 by default. */
        public Builder pageSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("page size must be at least 1, was " + size);
            }
            this.pageSize = size;
            return this;
        }

        /** The shortest and longest waits between polls of an idle log; 1 ms and 100 ms by default. */
        public Builder idleWait(Duration min, Duration max) {
            if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("idle waits must satisfy 0 < min <= max, were " + min + " and " + max);
            }
            this.minIdleWait = min;
            this.maxIdleWait = max;
            return this;
        }

        /** The runner, not yet started. */
        public ProjectionRunner build() {
            return new ProjectionRunner(this);
        }
    }
}
