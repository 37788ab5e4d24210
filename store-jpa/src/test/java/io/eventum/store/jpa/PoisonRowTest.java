package io.eventum.store.jpa;

import io.eventum.application.codec.EventCodec;
import io.eventum.application.notification.LocalNotificationLog;
import io.eventum.application.projection.Projection;
import io.eventum.application.projection.ProjectionFailedException;
import io.eventum.application.projection.ProjectionRunner;
import io.eventum.application.store.CorruptStoredEventException;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.application.store.Tracking;
import io.eventum.domain.EventEnvelope;
import io.eventum.store.tck.TestEvents;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A row edited behind the store's back so that it can never be read is a permanent failure: reads
 * name it, and a projection runner delivers every event before it, then stops there, naming it,
 * instead of retrying forever.
 */
class PoisonRowTest {

    /** A codec that hands on each payload as text: these tests are about the store, not about decoding. */
    private static final EventCodec PAYLOAD_TEXT = new EventCodec() {
        @Override
        public EventRecord encode(EventEnvelope<?> envelope) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object decode(StoredEvent stored) {
            return stored.payloadJson();
        }

        @Override
        public SnapshotRecord encodeSnapshot(UUID aggregateId, long version, Instant createdOn, Instant lastModifiedOn, Object state) {
            throw new UnsupportedOperationException();
        }

        @Override
        public DecodedSnapshot decodeSnapshot(SnapshotRecord snapshot) {
            throw new UnsupportedOperationException();
        }
    };

    private static final class Positions implements Projection {
        private final List<Long> applied = new ArrayList<>();

        @Override
        public String name() {
            return "positions";
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

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void a_row_with_corrupt_metadata_stops_a_projection_after_every_event_before_it_naming_the_row(TestDatabase database) throws Exception {
        String url = database.freshUrl();
        try (JpaEventStore store = database.storeWithSchema(url)) {
            // given ten events, the seventh's metadata made unreadable behind the store's back
            UUID id = UUID.randomUUID();
            List<Long> positions = store.append(TestEvents.events(id, 1, 10));
            long poisoned = positions.get(6);
            database.execute(url, "UPDATE eventum_events SET metadata = " + (database == TestDatabase.POSTGRESQL ? "CAST('[1,2]' AS jsonb)"
                    : "'[1,2]' FORMAT JSON") + " WHERE global_position = " + poisoned);
            // when read directly
            CorruptStoredEventException corrupt = catchThrowableOfType(CorruptStoredEventException.class,
                    () -> store.readAll(GlobalQuery.after(0, 100)));
            // then the error names the row
            assertThat(corrupt.position()).isEqualTo(poisoned);
            assertThat(corrupt.aggregateId()).isEqualTo(id);
            assertThat(corrupt.version()).isEqualTo(7);
            // and when a projection follows the log in pages of 4
            Positions projection = new Positions();
            ProjectionRunner runner = ProjectionRunner.builder(new LocalNotificationLog(store), PAYLOAD_TEXT, projection).pageSize(4)
                    .idleWait(Duration.ofMillis(1), Duration.ofMillis(5)).build();
            runner.start();
            runner.awaitPosition(Long.MAX_VALUE, Duration.ofSeconds(30));
            runner.stop();
            // then it got every event before the bad row, and stopped there, naming it
            assertThat(projection.applied()).containsExactlyElementsOf(positions.subList(0, 6));
            assertThat(runner.isRunning()).isFalse();
            ProjectionFailedException failure = runner.failure().orElseThrow();
            assertThat(failure.position()).isEqualTo(poisoned);
            assertThat(failure).hasMessageContaining(id.toString()).hasMessageContaining("version 7");
        }
    }
}
