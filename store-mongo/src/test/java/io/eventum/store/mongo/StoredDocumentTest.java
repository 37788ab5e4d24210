package io.eventum.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.Tracking;
import io.eventum.store.tck.TestEvents;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.eventum.store.tck.TestEvents.concat;
import static io.eventum.store.tck.TestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a commit looks like to someone reading the collection, and payloads that must come back byte for byte. */
class StoredDocumentTest {

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

    private MongoCollection<BsonDocument> commits() {
        return client.getDatabase(database).getCollection("eventum_commits", BsonDocument.class);
    }

    private static EventRecord withPayload(UUID id, long version, String json) {
        return new EventRecord(id, version, "Shaped", json.getBytes(StandardCharsets.UTF_8), Map.of(),
                Instant.parse("2026-11-28T10:15:30.123456789Z"));
    }

    @Test
    void one_append_is_one_readable_commit_document() {
        // given
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        // when
        List<Long> positions = store.append(concat(events(first, 1, 2), events(second, 3, 3)), new Tracking("projection", 41));
        // then
        assertThat(commits().countDocuments()).isEqualTo(1);
        BsonDocument commit = commits().find().first();
        assertThat(commit.getInt64("_id").getValue()).isEqualTo(positions.get(0));
        assertThat(commit.getInt64("last").getValue()).isEqualTo(positions.get(2));
        assertThat(commit.getDocument("tracking")).isEqualTo(BsonDocument.parse("{follower: 'projection', position: {$numberLong: '41'}}"));
        assertThat(commit.getArray("keys")).hasSize(3);
        assertThat(commit.getArray("keys").get(2).asString().getValue()).isEqualTo(second + ":0000000000000000003");
        BsonDocument event = commit.getArray("events").get(2).asDocument();
        assertThat(event.getBinary("aggregateId").getType()).isEqualTo(BsonBinarySubType.UUID_STANDARD.getValue());
        assertThat(event.getBinary("aggregateId").asUuid()).isEqualTo(second);
        assertThat(event.getInt64("version").getValue()).isEqualTo(3);
        assertThat(event.getString("type").getValue()).isEqualTo(TestEvents.ODD_TYPE);
        assertThat(event.get("timestamp").getBsonType()).isEqualTo(BsonType.DATE_TIME);
        assertThat(event.getInt32("nanos").getValue()).isEqualTo(456_000 + 3_000);
        assertThat(event.getDocument("metadata").getString("correlationId").getValue()).isEqualTo("c-3");
        assertThat(event.getDocument("metadata").getString("note").getValue()).isEqualTo("say \"hi\" \\ back\n\ttab \u0001 😀");
        BsonDocument payload = event.getDocument("payload");
        assertThat(payload.getString("label").getValue()).isEqualTo("v3");
        assertThat(payload.getInt32("amount").getValue()).isEqualTo(21);
        assertThat(payload.getString("text").getValue()).startsWith("Zürich ✓ 東京 \"quoted\"");
        assertThat(payload.getDocument("nested").getArray("z")).hasSize(5);
        assertThat(event.containsKey("payloadJson")).isFalse();
    }

    @Test
    void json_written_by_jackson_is_stored_as_a_sub_document_and_reads_back_byte_for_byte() throws Exception {
        // given values whose JSON form is easy to get wrong
        Map<String, Object> shapes = new LinkedHashMap<>();
        shapes.put("controls", "tab\t nl\n cr\r bs\b ff\f nul\0 unit\u001f quote\" backslash\\ slash/ del\u007f");
        shapes.put("unicode", "é ✓ 東京 😀 \u2028");
        shapes.put("doubles", List.of(0.1, -0.0, 1e-7, 1.0E22, Double.MIN_VALUE, Double.MAX_VALUE, 123456.789, 2e23));
        shapes.put("float", 0.1f);
        shapes.put("ints", List.of(0, -1, Integer.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE));
        shapes.put("decimal", new BigDecimal("1.50"));
        shapes.put("bigDecimal", new BigDecimal("-12345678901234567890.000001"));
        shapes.put("bigInteger", new BigInteger("123456789012345678901234567890"));
        shapes.put("nested", Map.of("list", List.of(List.of(), Map.of(), true, false)));
        shapes.put("nothing", null);
        var mapper = JacksonEventCodec.defaultMapper();
        UUID id = UUID.randomUUID();
        EventRecord record = withPayload(id, 1, mapper.writeValueAsString(shapes));
        // when
        store.append(List.of(record));
        // then
        BsonDocument event = commits().find().first().getArray("events").get(0).asDocument();
        assertThat(event.containsKey("payload")).as("stored as a sub-document").isTrue();
        BsonDocument payload = event.getDocument("payload");
        assertThat(payload.getArray("doubles").get(0).getBsonType()).isEqualTo(BsonType.DOUBLE);
        assertThat(payload.getArray("ints").get(3).getBsonType()).isEqualTo(BsonType.INT64);
        assertThat(payload.get("decimal").getBsonType()).as("1.50 keeps its scale").isEqualTo(BsonType.DECIMAL128);
        assertThat(payload.get("bigInteger").getBsonType()).isEqualTo(BsonType.DECIMAL128);
        assertThat(store.read(id, AggregateQuery.all())).singleElement()
                .satisfies(stored -> assertThat(stored.payloadJson()).isEqualTo(record.payloadJson()))
                .satisfies(stored -> assertThat(stored.record()).isEqualTo(record));
    }

    @Test
    void json_that_bson_can_hold_is_a_sub_document_and_json_it_cannot_is_kept_as_text_and_both_read_back_equal() {
        // given payloads BSON holds (whitespace, escapes, exponents) and payloads it cannot hold without loss
        List<String> asDocuments = List.of(
                "{ \"spaced\": 1 }",
                "{\"escaped\":\"\\u00e9\\/\"}",
                "{\"exponent\":1e3,\"negativeZero\":-0}");
        List<String> asText = List.of(
                "{\"twice\":1,\"twice\":2}",
                "{\"$dollar\":1}",
                "{\"dot.ted\":2,\"\":\"empty name\"}",
                "{\"precise\":3.141592653589793238462643383279502884197}",
                "{\"huge\":1234567890123456789012345678901234567890}",
                "{\"deep\":" + "[".repeat(95) + "]".repeat(95) + "}");
        UUID id = UUID.randomUUID();
        List<EventRecord> batch = new ArrayList<>();
        for (String payload : concat(asDocuments, asText)) {
            batch.add(withPayload(id, batch.size() + 1, payload));
        }
        // when
        store.append(batch);
        // then
        assertThat(TestEvents.canonical(TestEvents.records(store.read(id, AggregateQuery.all()))))
                .containsExactlyElementsOf(TestEvents.canonical(batch));
        assertThat(TestEvents.canonical(TestEvents.records(store.readAll(GlobalQuery.after(0, 100)))))
                .containsExactlyElementsOf(TestEvents.canonical(batch));
        List<BsonDocument> stored = commits().find().first().getArray("events").stream().map(v -> v.asDocument()).toList();
        assertThat(stored.subList(0, asDocuments.size())).allSatisfy(event -> assertThat(event.isDocument("payload")).isTrue());
        assertThat(stored.subList(asDocuments.size(), stored.size()))
                .allSatisfy(event -> assertThat(event.getString("payloadJson").getValue()).isNotEmpty());
        assertThat(TestEvents.records(store.read(id, AggregateQuery.all())).get(3).payload())
                .isEqualTo(asText.get(0).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_payload_nested_deeper_than_the_json_reader_reads_is_refused_at_append_and_nothing_is_stored() {
        // given: 600 levels, within EventRecord's check but past Jackson 3's default of 500, which the
        // store's reader and the codec's share: stored, it could never be read back
        UUID id = UUID.randomUUID();
        EventRecord deep = withPayload(id, 1, "{\"deep\":" + "[".repeat(599) + "]".repeat(599) + "}");
        // when / then
        assertThatThrownBy(() -> store.append(List.of(deep)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("aggregate " + id).hasMessageContaining("version 1").hasMessageContaining("type Shaped")
                .hasMessageContaining("nothing was stored");
        assertThat(commits().countDocuments()).isZero();
    }

    @Test
    void timestamps_come_back_to_the_microsecond_including_before_1970() {
        // given
        UUID id = UUID.randomUUID();
        List<EventRecord> batch = new ArrayList<>();
        List<Instant> instants = List.of(Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("1900-01-01T00:00:00.000001Z"),
                Instant.parse("2262-04-11T23:47:16.854775807Z"), Instant.EPOCH);
        for (int i = 0; i < instants.size(); i++) {
            batch.add(new EventRecord(id, i + 1, "T", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), instants.get(i)));
        }
        // when
        store.append(batch);
        // then: exact to the microsecond, which EventRecord truncates to
        assertThat(store.read(id, AggregateQuery.all())).extracting(e -> e.timestamp())
                .containsExactlyElementsOf(instants.stream().map(i -> i.truncatedTo(java.time.temporal.ChronoUnit.MICROS)).toList());
    }

    @Test
    void a_snapshot_is_one_readable_document_per_aggregate_and_version() {
        // given
        UUID id = UUID.randomUUID();
        SnapshotRecord snapshot = new SnapshotRecord(id, 7, "Counter.v1", "{\"count\":7}".getBytes(StandardCharsets.UTF_8),
                Instant.parse("2026-11-28T12:00:00.000001Z"));
        // when
        store.save(snapshot);
        // then
        BsonDocument document = snapshots().find(Filters.eq("_id", id + ":0000000000000000007")).first();
        assertThat(document.getBinary("aggregateId").asUuid()).isEqualTo(id);
        assertThat(document.getInt64("version").getValue()).isEqualTo(7);
        assertThat(document.getString("type").getValue()).isEqualTo("Counter.v1");
        assertThat(document.getDocument("state")).isEqualTo(BsonDocument.parse("{count: 7}"));
        assertThat(store.latest(id, Long.MAX_VALUE)).contains(snapshot);
    }

    @Test
    void only_the_newest_snapshots_of_an_aggregate_are_kept() {
        // given
        UUID id = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        store.save(snapshot(other, 1));
        // when
        for (long version : new long[] {10, 50, 20, 40, 30}) {
            store.save(snapshot(id, version));
        }
        // then
        assertThat(snapshots().find(Filters.eq("aggregateId", new BsonBinary(id))).map(d -> d.getInt64("version").getValue())
                .into(new ArrayList<>())).containsExactlyInAnyOrder(30L, 40L, 50L);
        assertThat(store.latest(id, 45)).contains(snapshot(id, 40));
        assertThat(store.latest(id, 29)).isEmpty();
        assertThat(store.latest(other, 1)).contains(snapshot(other, 1));
    }

    private MongoCollection<BsonDocument> snapshots() {
        return client.getDatabase(database).getCollection("eventum_snapshots", BsonDocument.class);
    }

    private static SnapshotRecord snapshot(UUID id, long version) {
        return new SnapshotRecord(id, version, "Counter.v1", ("{\"count\":" + version + "}").getBytes(StandardCharsets.UTF_8),
                Instant.EPOCH.plusSeconds(version));
    }
}
