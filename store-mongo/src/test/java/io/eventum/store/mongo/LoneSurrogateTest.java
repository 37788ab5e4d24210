package io.eventum.store.mongo;

import com.mongodb.client.MongoClient;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventRecord;
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

/**
 * A lone UTF-16 surrogate (U+D800 without its pair) has no UTF-8 form, and BSON strings are UTF-8:
 * the driver would write bytes that read back as U+FFFD. The port refuses lone surrogates before any
 * store sees them (the contract's KeepingValuesExactly group checks that on every store); what is
 * left to show here is that a surrogate PAIR, escaped in the JSON, is stored as the character.
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

}
