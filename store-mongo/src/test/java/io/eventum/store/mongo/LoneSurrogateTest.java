package io.eventum.store.mongo;

import com.mongodb.client.MongoClient;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.Tracking;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventum.store.tck.TestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A lone UTF-16 surrogate (U+D800 without its pair) has no UTF-8 form, and BSON strings are UTF-8:
 * the driver writes bytes that read back as U+FFFD. So nothing that holds one may reach a BSON
 * string unchanged: payload string values keep it in their JSON text (an escape is ASCII); payload
 * property names holding one are refused, as Jackson cannot read them; names the store writes as
 * BSON strings (type, metadata, follower) are refused. A refusal stores nothing.
 */
class LoneSurrogateTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123456Z");

    private final MongoClient client = SharedMongo.client();
    private String database;
    private MongoEventStore store;

    @BeforeEach
    void openStore() {
        database = InProcessMongo.freshDatabase();
        store = MongoEventStore.builder().client(client).database(database).build();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static EventRecord record(UUID id, String type, String payload, Map<String, String> metadata) {
        return new EventRecord(id, 1, type, payload.getBytes(StandardCharsets.UTF_8), metadata, NOW);
    }

    private long commitCount() {
        return client.getDatabase(database).getCollection("eventum_commits", BsonDocument.class).countDocuments();
    }

    @Test
    void payloads_with_lone_surrogates_in_string_values_come_back_exactly_as_text() {
        // given
        List<String> payloads = List.of("{\"s\":\"a\\ud800b\"}", "{\"s\":\"\\udc00\"}", "{\"s\":[\"x\",{\"t\":\"\\ud83d\"}]}");
        for (String payload : payloads) {
            UUID id = UUID.randomUUID();
            // when
            store.append(List.of(record(id, "T", payload, Map.of())));
            // then
            assertThat(store.read(id, AggregateQuery.all())).singleElement()
                    .satisfies(event -> assertThat(event.payloadJson()).as(payload).isEqualTo(payload));
        }
    }

    @Test
    void a_payload_with_a_lone_surrogate_in_a_name_is_refused_since_the_json_reader_cannot_read_it_back() {
        // given
        UUID id = UUID.randomUUID();
        // when / then: Jackson 3 refuses such a name ("Broken surrogate pair"), as the codec's reader would
        assertThatThrownBy(() -> store.append(List.of(record(id, "T", "{\"\\ud800\":1}", Map.of()))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aggregate " + id).hasMessageContaining("version 1").hasMessageContaining("type T")
                .hasMessageContaining("surrogate").hasMessageContaining("nothing was stored");
        assertThat(commitCount()).isZero();
    }

    @Test
    void a_surrogate_pair_written_as_escapes_stays_a_sub_document_and_reads_back_as_the_same_character() {
        // given
        UUID id = UUID.randomUUID();
        // when
        store.append(List.of(record(id, "T", "{\"s\":\"\\ud83d\\ude00\"}", Map.of())));
        // then
        BsonDocument event = client.getDatabase(database).getCollection("eventum_commits", BsonDocument.class).find().first()
                .getArray("events").get(0).asDocument();
        assertThat(event.getDocument("payload").getString("s").getValue()).isEqualTo("😀");
        assertThat(store.read(id, AggregateQuery.all()).get(0).payloadJson()).isEqualTo("{\"s\":\"😀\"}");
    }

    @Test
    void a_type_name_metadata_key_or_metadata_value_with_a_lone_surrogate_is_refused_and_nothing_is_stored() {
        // given
        UUID id = UUID.randomUUID();
        List<EventRecord> refused = List.of(
                record(id, "T\ud800", "{}", Map.of()),
                record(id, "T", "{}", Map.of("k\udc00", "v")),
                record(id, "T", "{}", Map.of("k", "v\ud800")));
        for (EventRecord event : refused) {
            // when / then
            assertThatThrownBy(() -> store.append(List.of(event, events(id, 2, 2).get(0))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("aggregate " + id).hasMessageContaining("version 1")
                    .hasMessageContaining("lone surrogate").hasMessageContaining("nothing was stored");
        }
        assertThat(commitCount()).isZero();
        assertThat(store.lastPosition()).isZero();
    }

    @Test
    void a_follower_name_with_a_lone_surrogate_is_refused_and_nothing_is_stored() {
        // given
        UUID id = UUID.randomUUID();
        // when / then
        assertThatThrownBy(() -> store.append(events(id, 1, 1), new Tracking("projection\ud800", 7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("follower").hasMessageContaining("lone surrogate").hasMessageContaining("nothing was stored");
        assertThat(commitCount()).isZero();
        assertThat(store.trackedPosition("projection\ufffd")).isZero();
    }

    @Test
    void a_snapshot_type_with_a_lone_surrogate_is_refused() {
        // given
        UUID id = UUID.randomUUID();
        SnapshotRecord snapshot = new SnapshotRecord(id, 3, "Counter\ud800", "{\"count\":3}".getBytes(StandardCharsets.UTF_8), NOW);
        // when / then
        assertThatThrownBy(() -> store.save(snapshot))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aggregate " + id).hasMessageContaining("version 3").hasMessageContaining("lone surrogate");
        assertThat(store.latest(id, Long.MAX_VALUE)).isEmpty();
    }
}
