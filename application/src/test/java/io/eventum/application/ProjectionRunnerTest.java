package io.eventum.application;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.notification.NotificationLog;
import io.eventum.application.notification.Section;
import io.eventum.application.projection.Projection;
import io.eventum.application.projection.ProjectionFailedException;
import io.eventum.application.projection.ProjectionRunner;
import io.eventum.application.store.CorruptStoredEventException;
import io.eventum.application.store.StoreUnavailableException;
import io.eventum.application.store.StoredEvent;
import io.eventum.application.store.Tracking;
import io.eventum.domain.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** How a runner meets failures of the log it follows: transient ones are retried, permanent ones stop it, naming them. */
class ProjectionRunnerTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private final EventCodec codec = new JacksonEventCodec(EventTypeRegistry.of(Counter.TYPE));
    private final UUID counter = UUID.randomUUID();

    /** A log of ten Counter events; the one at {@code corruptAt} cannot be read, and the log is unreachable for its first {@code down} reads. */
    private class FaultyLog implements NotificationLog {
        final long corruptAt;
        final AtomicInteger down = new AtomicInteger();
        final List<StoredEvent> events = new ArrayList<>();

        FaultyLog(long corruptAt) {
            this.corruptAt = corruptAt;
            for (long version = 1; version <= 10; version++) {
                Counter.Event event = version == 1 ? new Counter.Created("c") : new Counter.Incremented(1, List.of());
                events.add(codec.encode(new EventEnvelope<>(counter, version, Instant.EPOCH.plusSeconds(version), event, Map.of()))
                        .at(version));
            }
        }

        @Override
        public List<StoredEvent> select(long afterPosition, long upToPosition, int limit, Set<String> types) {
            if (down.getAndDecrement() > 0) {
                throw new StoreUnavailableException("database down", null);
            }
            List<StoredEvent> page = new ArrayList<>();
            for (StoredEvent event : events) {
                if (event.position() > afterPosition && event.position() <= upToPosition && page.size() < limit) {
                    if (event.position() == corruptAt) {
                        throw new CorruptStoredEventException(corruptAt, counter, corruptAt, event.type(), "bad metadata", null);
                    }
                    page.add(event);
                }
            }
            return page;
        }

        @Override
        public Section section(String sectionId) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public int sectionSize() {
            return 100;
        }
    }

    /** Remembers the positions it applied. */
    private static final class Recorder implements Projection {
        private final List<Long> applied = new ArrayList<>();

        @Override
        public String name() {
            return "recorder";
        }

        @Override
        public synchronized long trackedPosition() {
            return applied.isEmpty() ? 0 : applied.get(applied.size() - 1);
        }

        @Override
        public synchronized void apply(EventEnvelope<?> event, Tracking tracking) {
            applied.add(tracking.position());
        }

        synchronized List<Long> applied() {
            return List.copyOf(applied);
        }
    }

    @Test
    void a_stored_event_that_cannot_be_read_stops_the_runner_after_every_event_before_it_naming_it() throws Exception {
        // given a log whose 6th event is corrupt, read in pages of 4
        Recorder recorder = new Recorder();
        ProjectionRunner runner = ProjectionRunner.builder(new FaultyLog(6), codec, recorder).pageSize(4)
                .idleWait(Duration.ofMillis(1), Duration.ofMillis(5)).build();
        // when
        runner.start();
        runner.awaitPosition(Long.MAX_VALUE, BOUND);
        runner.stop();
        // then
        assertThat(recorder.applied()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(runner.isRunning()).isFalse();
        ProjectionFailedException failure = runner.failure().orElseThrow();
        assertThat(failure.position()).isEqualTo(6);
        assertThat(failure).hasMessageContaining("recorder").hasMessageContaining("position 6").hasMessageContaining(counter.toString())
                .hasMessageContaining("version 6");
    }

    @Test
    void an_unreachable_store_is_retried_and_the_runner_catches_up_once_it_is_back() throws Exception {
        // given a log that is down for its first 5 reads
        FaultyLog log = new FaultyLog(Long.MAX_VALUE);
        log.down.set(5);
        Recorder recorder = new Recorder();
        try (ProjectionRunner runner = ProjectionRunner.builder(log, codec, recorder)
                .idleWait(Duration.ofMillis(1), Duration.ofMillis(5)).build()) {
            // when
            runner.start();
            // then
            assertThat(runner.awaitPosition(10, BOUND)).isTrue();
            assertThat(runner.failure()).isEmpty();
            assertThat(runner.isRunning()).isTrue();
        }
        assertThat(recorder.applied()).hasSize(10);
    }

    @Test
    void any_other_failure_to_read_the_log_stops_the_runner_instead_of_spinning() throws Exception {
        // given a log that fails the same way forever
        NotificationLog broken = new FaultyLog(Long.MAX_VALUE) {
            @Override
            public List<StoredEvent> select(long afterPosition, long upToPosition, int limit, Set<String> types) {
                throw new IllegalStateException("section 1,100 links to section 1,100, which does not come after it");
            }
        };
        ProjectionRunner runner = ProjectionRunner.builder(broken, codec, new Recorder()).build();
        // when
        runner.start();
        runner.awaitPosition(Long.MAX_VALUE, BOUND);
        runner.stop();
        // then
        assertThat(runner.failure()).get().satisfies(failure -> assertThat(failure).hasMessageContaining("does not come after it"));
        assertThat(runner.isRunning()).isFalse();
    }
}
