package io.eventum.store.mongo;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.StoredEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.eventum.store.tck.TestEvents.concat;
import static io.eventum.store.tck.TestEvents.events;
import static io.eventum.store.tck.TestEvents.versions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database stops while the store is in use, then comes back over the same data on the same
 * port: failures are clear {@link EventStoreException}s, no commit is partial, and the same store
 * instance works again without being rebuilt. The client's timeouts are short (see {@link InProcessMongo}).
 */
class ServerOutageTest {

    private InProcessMongo mongo;
    private MongoEventStore store;

    @BeforeEach
    void startServerAndStore() {
        mongo = new InProcessMongo();
        store = MongoEventStore.builder().connectionString(mongo.connectionString()).database("outage").readBatchSize(10).build();
    }

    @AfterEach
    void stopAll() {
        store.close();
        mongo.close();
    }

    @Test
    void an_append_while_the_server_is_down_fails_clearly_stores_nothing_and_the_store_recovers() {
        // given
        UUID before = UUID.randomUUID();
        UUID during = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        store.append(events(before, 1, 2));
        // when
        mongo.stop();
        // then
        assertThatThrownBy(() -> store.append(concat(events(during, 1, 2), events(other, 1, 1))))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("MongoDB store outage.eventum_commits: appending 3 events failed")
                .hasMessageMatching("(?s).*(the server could not be reached|the connection to the server failed).*");
        assertThatThrownBy(() -> store.read(before, AggregateQuery.all())).isInstanceOf(EventStoreException.class)
                .hasMessageContaining("outage.eventum_commits");
        // when
        mongo.restart();
        // then
        awaitServer();
        assertThat(store.read(during, AggregateQuery.all())).isEmpty();
        assertThat(store.read(other, AggregateQuery.all())).isEmpty();
        assertThat(versions(store.read(before, AggregateQuery.all()))).containsExactly(1L, 2L);
        List<Long> positions = store.append(concat(events(during, 1, 2), events(other, 1, 1)));
        assertThat(positions).hasSize(3).allMatch(p -> p > 2);
        assertThat(store.readAll(GlobalQuery.after(0, 10))).hasSize(5);
    }

    @Test
    void a_read_whose_server_stops_between_batches_fails_clearly_and_works_again_later() {
        // given a stream in 100 commits, read ten commits per round trip
        UUID id = UUID.randomUUID();
        for (long version = 1; version <= 100; version++) {
            store.append(events(id, version, version));
        }
        List<StoredEvent> seen = new ArrayList<>();
        // when the server stops once the first event arrived
        assertThatThrownBy(() -> store.read(id, AggregateQuery.all(), event -> {
            if (seen.isEmpty()) {
                mongo.stop();
            }
            seen.add(event);
        })).isInstanceOf(EventStoreException.class).hasMessageContaining("reading an aggregate's commits failed");
        // then
        assertThat(seen).hasSizeLessThan(100);
        mongo.restart();
        awaitServer();
        assertThat(store.read(id, AggregateQuery.all())).hasSize(100);
    }

    /** The driver finds the restarted server on its next selection; wait for that, with a bound. */
    private void awaitServer() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                store.lastPosition();
                return;
            } catch (EventStoreException stillDown) {
                if (System.nanoTime() > deadline) {
                    throw stillDown;
                }
            }
        }
    }
}
