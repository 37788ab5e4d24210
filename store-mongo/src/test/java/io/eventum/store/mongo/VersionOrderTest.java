package io.eventum.store.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.StoredEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.eventum.store.tck.TestEvents.canonical;
import static io.eventum.store.tck.TestEvents.concat;
import static io.eventum.store.tck.TestEvents.events;
import static io.eventum.store.tck.TestEvents.records;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads by aggregate follow commit order, which is version order when appends continue the
 * stream; these tests append out of version order, which the port allows, and check every read
 * still comes back in version order, and that in-order streams never pay for the sorted path.
 */
class VersionOrderTest {

    private static final long[] AFTER = {0, 1, 3, 4, 6, 9};
    private static final long[] UP_TO = {1, 3, 4, 6, 9, Long.MAX_VALUE};
    private static final int[] LIMIT = {1, 2, Integer.MAX_VALUE};

    private static InProcessMongo mongo;
    private static MongoClient client;
    private static final List<String> commands = new CopyOnWriteArrayList<>();
    private MongoEventStore store;

    @BeforeAll
    static void startServer() {
        mongo = new InProcessMongo();
        CommandListener listener = new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                commands.add(event.getCommandName());
            }
        };
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongo.connectionString())).addCommandListener(listener).build());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        mongo.close();
    }

    @BeforeEach
    void openStore() {
        store = MongoEventStore.builder().client(client).database(InProcessMongo.freshDatabase()).build();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void a_stream_whose_later_versions_were_appended_first_reads_in_version_order() {
        // given
        UUID id = UUID.randomUUID();
        // when
        store.append(events(id, 5, 6));
        store.append(events(id, 1, 4));
        // then
        assertEveryQueryReadsInVersionOrder(id, concat(events(id, 5, 6), events(id, 1, 4)));
        assertThat(commands).as("the sorted path ran").contains("aggregate");
    }

    @Test
    void a_stream_appended_in_three_shuffled_batches_between_other_aggregates_reads_in_version_order() {
        // given
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        // when
        store.append(concat(events(other, 1, 2), events(id, 7, 9)));
        store.append(events(id, 1, 3));
        store.append(concat(events(id, 4, 6), events(other, 3, 3)));
        // then
        assertEveryQueryReadsInVersionOrder(id, concat(events(id, 7, 9), events(id, 1, 6)));
    }

    @Test
    void a_stream_with_a_real_gap_reads_in_version_order_before_and_after_the_gap_is_filled() {
        // given
        UUID id = UUID.randomUUID();
        store.append(events(id, 1, 3));
        store.append(events(id, 7, 9));
        // then
        assertEveryQueryReadsInVersionOrder(id, concat(events(id, 1, 3), events(id, 7, 9)));
        // when
        store.append(events(id, 4, 6));
        // then
        assertEveryQueryReadsInVersionOrder(id, events(id, 1, 9));
    }

    @Test
    void single_events_appended_in_reverse_order_read_in_version_order() {
        // given
        UUID id = UUID.randomUUID();
        // when
        for (long version = 9; version >= 1; version--) {
            store.append(events(id, version, version));
        }
        // then
        assertEveryQueryReadsInVersionOrder(id, events(id, 1, 9));
    }

    @Test
    void a_stream_appended_in_version_order_is_read_by_one_query_without_a_server_side_sort() {
        // given
        UUID id = UUID.randomUUID();
        for (long from = 1; from <= 300; from += 3) {
            store.append(concat(events(UUID.randomUUID(), 1, 1), events(id, from, from + 2)));
        }
        commands.clear();
        // when
        List<StoredEvent> all = store.read(id, AggregateQuery.all());
        List<StoredEvent> latest = store.read(id, AggregateQuery.all().newestFirst().limit(1));
        List<StoredEvent> middle = store.read(id, AggregateQuery.all().after(100).upTo(200));
        // then
        assertThat(all).hasSize(300);
        assertThat(latest).extracting(StoredEvent::version).containsExactly(300L);
        assertThat(middle).extracting(StoredEvent::version).first().isEqualTo(101L);
        assertThat(commands).doesNotContain("aggregate");
        // a full read: one find (and getMores); the latest: a find and one probe; a range: a lookup and a find
        assertThat(commands.stream().filter(command -> command.equals("find")).count()).isEqualTo(1 + 2 + 2);
    }

    private void assertEveryQueryReadsInVersionOrder(UUID id, List<EventRecord> appended) {
        List<EventRecord> all = new ArrayList<>(appended);
        all.sort(Comparator.comparingLong(EventRecord::version));
        assertThat(canonical(records(store.read(id, AggregateQuery.all())))).containsExactlyElementsOf(canonical(all));
        for (long after : AFTER) {
            for (long upTo : UP_TO) {
                for (boolean descending : new boolean[] {false, true}) {
                    for (int limit : LIMIT) {
                        AggregateQuery query = new AggregateQuery(after, upTo, descending, limit);
                        List<EventRecord> expected = new ArrayList<>(all.stream().filter(e -> query.includes(e.version())).toList());
                        if (descending) {
                            expected.sort(Comparator.comparingLong(EventRecord::version).reversed());
                        }
                        expected = expected.subList(0, Math.min(limit, expected.size()));
                        assertThat(canonical(records(store.read(id, query)))).as(query.toString()).containsExactlyElementsOf(canonical(expected));
                    }
                }
            }
        }
    }
}
