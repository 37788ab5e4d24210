package io.eventum.store.tck;

import io.eventum.application.Application;
import io.eventum.application.Metadata;
import io.eventum.application.ProcessApplication;
import io.eventum.application.Repository;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.codec.jackson.JacksonSectionFormat;
import io.eventum.application.notification.LocalNotificationLog;
import io.eventum.application.notification.NotificationLog;
import io.eventum.application.notification.RemoteNotificationLog;
import io.eventum.application.notification.Section;
import io.eventum.application.projection.Projection;
import io.eventum.application.projection.ProjectionFailedException;
import io.eventum.application.projection.ProjectionRunner;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.StoredEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Following the notification log on the store under test: projections catch up and keep up,
 * stop on a failing event without skipping it, and process applications record their new events
 * and tracking atomically, so a follower killed at random points ends exactly as a fresh rebuild.
 */
abstract class FollowingContract {

    private static final Duration BOUND = Duration.ofSeconds(60);

    abstract EventStore store();

    private final JacksonEventCodec tallyCodec = new JacksonEventCodec(EventTypeRegistry.of(Tally.TYPE));

    private Repository<Tally, Tally.Event> tallies() {
        return Application.builder(store()).aggregate(Tally.TYPE).build().repository(Tally.TYPE);
    }

    private ProjectionRunner runner(Projection projection) {
        return ProjectionRunner.builder(new LocalNotificationLog(store()), tallyCodec, projection)
                .following(Tally.TYPE).idleWait(Duration.ofMillis(1), Duration.ofMillis(10)).build();
    }

    /** Saves tallies with additions 1..n, in saves of up to three events; returns each tally's total. */
    private Map<UUID, Long> saveTallies(int count, int additions) {
        Map<UUID, Long> totals = new HashMap<>();
        Repository<Tally, Tally.Event> tallies = tallies();
        for (int t = 0; t < count; t++) {
            Tally tally = Tally.open("t" + t);
            for (int i = 1; i <= additions; i++) {
                tally.add(i);
                if (i % 3 == 0 || i == additions) {
                    tallies.save(tally);
                }
            }
            totals.put(tally.id(), tally.total());
        }
        return totals;
    }

    @Test
    void a_projection_catches_up_then_receives_new_events_as_they_are_stored() throws Exception {
        // given
        Map<UUID, Long> expected = new HashMap<>(saveTallies(3, 5));
        TotalsView view = new TotalsView();
        try (ProjectionRunner runner = runner(view)) {
            // when
            runner.start();
            assertThat(runner.awaitPosition(store().lastPosition(), BOUND)).isTrue();
            assertThat(view.totals()).isEqualTo(expected);
            expected.putAll(saveTallies(2, 4));
            // then
            assertThat(runner.awaitPosition(store().lastPosition(), BOUND)).isTrue();
            assertThat(view.totals()).isEqualTo(expected);
            assertThat(runner.failure()).isEmpty();
        }
    }

    @Test
    void a_projection_that_throws_stops_the_runner_naming_the_event_and_the_event_is_not_skipped() throws Exception {
        // given a view that cannot take the fourth event
        Map<UUID, Long> expected = saveTallies(2, 6);
        StoredEvent fourth = store().readAll(io.eventum.application.store.GlobalQuery.after(0, 4)).get(3);
        TotalsView view = new TotalsView();
        view.failOn(tracking -> tracking.position() == fourth.position());
        // when
        ProjectionRunner failing = runner(view);
        failing.start();
        failing.awaitPosition(Long.MAX_VALUE, Duration.ofSeconds(10));
        // then
        ProjectionFailedException failure = failing.failure().orElseThrow();
        assertThat(failure.position()).isEqualTo(fourth.position());
        assertThat(failure).hasMessageContaining("totals").hasMessageContaining(fourth.aggregateId().toString())
                .hasMessageContaining("version " + fourth.version()).hasMessageContaining(fourth.type());
        assertThat(view.trackedPosition()).isLessThan(fourth.position());
        failing.stop();
        assertThat(failing.isRunning()).isFalse();
        // and once fixed, a new runner resumes at that very event
        view.failOn(tracking -> false);
        try (ProjectionRunner resumed = runner(view)) {
            resumed.start();
            assertThat(resumed.awaitPosition(store().lastPosition(), BOUND)).isTrue();
        }
        assertThat(view.totals()).isEqualTo(expected);
    }

    @Test
    void a_process_application_turns_upstream_events_into_its_own_with_tracking() throws Exception {
        // given
        Map<UUID, Long> totals = saveTallies(3, 7);
        long upstreamEnd = store().lastPosition();
        LedgerProcess ledgers = new LedgerProcess("ledgers", store(), new Random(1), 0);
        // when
        try (ProjectionRunner runner = runner(ledgers)) {
            runner.start();
            assertThat(runner.awaitPosition(upstreamEnd, BOUND)).isTrue();
        }
        // then
        totals.forEach((tallyId, total) -> {
            Ledger ledger = ledgers.ledgers.get(Ledger.idFor("ledgers", tallyId));
            assertThat(ledger.balance()).isEqualTo(total);
            assertThat(ledger.entries()).isEqualTo(7);
        });
        assertThat(ledgers.trackedPosition()).isEqualTo(upstreamEnd);
        // and each new event names the upstream event it reacts to: the tally's addition at the same step
        UUID someTally = totals.keySet().iterator().next();
        List<StoredEvent> entries = store().read(Ledger.idFor("ledgers", someTally), AggregateQuery.all());
        assertThat(entries.get(0).metadata()).containsEntry(Metadata.CAUSATION_ID, someTally + ":2")
                .containsEntry(Metadata.CORRELATION_ID, someTally + ":2");
        assertThat(entries.get(7).metadata()).containsEntry(Metadata.CAUSATION_ID, someTally + ":8");
    }

    @Test
    void a_process_application_killed_at_random_points_ends_exactly_as_a_fresh_rebuild() throws Exception {
        // given writers saving tallies while a crash-prone ledger process follows them
        Random random = new Random(20261128L);
        Map<UUID, Long> totals = new java.util.concurrent.ConcurrentHashMap<>();
        Thread writer = new Thread(() -> totals.putAll(saveTallies(6, 20)), "tally-writer");
        writer.start();
        long deadline = System.nanoTime() + BOUND.toNanos();
        int restarts = 0;
        // when the process is stopped or crashes at random, and restarted, many times
        while (writer.isAlive() || restarts < 25) {
            assertThat(System.nanoTime()).as("kill-and-restart finished in time").isLessThan(deadline);
            LedgerProcess crashing = new LedgerProcess("ledgers", new CrashingEventStore(store(), random, 0.05), random, 0.05);
            try (ProjectionRunner runner = runner(crashing)) {
                runner.start();
                long target = Math.min(crashing.trackedPosition() + 1 + random.nextInt(15), lastTallyPosition());
                runner.awaitPosition(target, Duration.ofSeconds(5));
            }
            restarts++;
        }
        writer.join(BOUND.toMillis());
        long upstreamEnd = lastTallyPosition();
        LedgerProcess finishing = new LedgerProcess("ledgers", store(), random, 0);
        try (ProjectionRunner runner = runner(finishing)) {
            runner.start();
            assertThat(runner.awaitPosition(upstreamEnd, BOUND)).isTrue();
        }
        LedgerProcess rebuild = new LedgerProcess("rebuild", store(), random, 0);
        try (ProjectionRunner runner = runner(rebuild)) {
            runner.start();
            assertThat(runner.awaitPosition(upstreamEnd, BOUND)).isTrue();
        }
        // then every ledger equals its fresh rebuild and its tally: nothing lost, nothing twice
        assertThat(totals).hasSize(6);
        totals.forEach((tallyId, total) -> {
            Ledger survived = finishing.ledgers.get(Ledger.idFor("ledgers", tallyId));
            Ledger rebuilt = rebuild.ledgers.get(Ledger.idFor("rebuild", tallyId));
            assertThat(survived.balance()).isEqualTo(rebuilt.balance()).isEqualTo(total);
            assertThat(survived.entries()).isEqualTo(rebuilt.entries()).isEqualTo(20);
        });
    }

    @Test
    void a_read_model_whose_runner_is_stopped_and_failed_at_random_points_ends_exactly_as_a_fresh_rebuild() throws Exception {
        // given a view that fails at random, and writers adding tallies meanwhile
        Random random = new Random(42);
        TotalsView view = new TotalsView();
        view.failOn(tracking -> random.nextDouble() < 0.03);
        Thread writer = new Thread(() -> saveTallies(5, 15), "tally-writer");
        writer.start();
        long deadline = System.nanoTime() + BOUND.toNanos();
        // when its runner is stopped or fails at random points and is restarted, 30 times over
        for (int restart = 0; restart < 30 || writer.isAlive(); restart++) {
            assertThat(System.nanoTime()).as("stop-and-restart finished in time").isLessThan(deadline);
            try (ProjectionRunner runner = runner(view)) {
                runner.start();
                runner.awaitPosition(Math.min(view.trackedPosition() + 1 + random.nextInt(10), lastTallyPosition()), Duration.ofSeconds(5));
            }
        }
        writer.join(BOUND.toMillis());
        view.failOn(tracking -> false);
        TotalsView rebuilt = new TotalsView();
        try (ProjectionRunner finishing = runner(view); ProjectionRunner rebuilding = runner(rebuilt)) {
            finishing.start();
            rebuilding.start();
            assertThat(finishing.awaitPosition(lastTallyPosition(), BOUND)).isTrue();
            assertThat(rebuilding.awaitPosition(lastTallyPosition(), BOUND)).isTrue();
        }
        // then: each event applied once (the view rejects a repeat), none lost
        assertThat(view.totals()).hasSize(5).isEqualTo(rebuilt.totals());
        assertThat(view.totals().values()).containsOnly(120L);
    }

    private long lastTallyPosition() {
        Set<String> tallyTypes = EventTypeRegistry.storedNamesOf(Tally.TYPE);
        long last = 0;
        List<StoredEvent> page;
        do {
            page = store().readAll(io.eventum.application.store.GlobalQuery.after(last, 500).ofTypes(tallyTypes));
            if (!page.isEmpty()) {
                last = page.get(page.size() - 1).position();
            }
        } while (!page.isEmpty());
        return last;
    }

    @Test
    void the_notification_log_serves_linked_sections_that_a_remote_reader_follows() {
        // given
        saveTallies(4, 5);
        NotificationLog local = new LocalNotificationLog(store(), 5);
        JacksonSectionFormat json = new JacksonSectionFormat();
        List<String> fetched = new ArrayList<>();
        NotificationLog remote = new RemoteNotificationLog(id -> {
            fetched.add(id);
            return json.read(json.write(local.section(id)));
        }, 5);
        // when
        List<StoredEvent> all = local.select(0, 1_000, Set.of());
        List<StoredEvent> linked = new ArrayList<>();
        for (String id = "1,5"; id != null; ) {
            Section section = local.section(id);
            linked.addAll(section.items());
            id = section.nextId();
        }
        Set<String> added = EventTypeRegistry.storedNames(Tally.TYPE.eventTypes().get(1));
        // then
        assertThat(all).hasSize(24);
        assertThat(linked).containsExactlyElementsOf(all);
        assertThat(TestEvents.canonicalStored(remote.select(0, 1_000, Set.of()))).containsExactlyElementsOf(TestEvents.canonicalStored(all));
        assertThat(TestEvents.canonicalStored(remote.select(all.get(9).position(), 3, added)))
                .containsExactlyElementsOf(TestEvents.canonicalStored(local.select(all.get(9).position(), 3, added)));
        assertThat(fetched).allMatch(id -> id.matches("\\d+,\\d+"));
        assertThat(local.section("1,5").id()).isEqualTo("1,5");
        assertThat(ProcessApplication.class).isAssignableTo(Projection.class);
    }
}
