package io.eventum.store.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStoreException;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.DomainEvent;
import io.eventum.store.tck.TestEvents;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.eventum.store.tck.TestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Someone edits stored documents by hand in mongosh; reads then fail naming what broke, where. */
class HandEditedDocumentTest {

    /** An event as an application defines it: the codec keeps the header out of the payload. */
    record Deposited(UUID originatorId, long originatorVersion, Instant timestamp, long amount) implements DomainEvent {
    }

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

    private void edit(UUID id, Bson update) {
        MongoCollection<BsonDocument> commits = client.getDatabase(database).getCollection("eventum_commits", BsonDocument.class);
        assertThat(commits.updateOne(Filters.eq("events.aggregateId", new BsonBinary(id)), update).getModifiedCount()).isEqualTo(1);
    }

    @Test
    void a_field_of_the_wrong_bson_type_fails_the_read_naming_the_commit_aggregate_version_type_and_field() {
        // given
        UUID id = UUID.randomUUID();
        long commit = store.append(events(id, 1, 3)).get(0);
        // when someone stores the second event's timestamp as a string
        edit(id, Updates.set("events.1.timestamp", new BsonString("2026-11-28 yesterday")));
        // then
        assertThatThrownBy(() -> store.read(id, AggregateQuery.all()))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("commit " + commit)
                .hasMessageContaining("aggregate " + id)
                .hasMessageContaining("version 2")
                .hasMessageContaining("type " + TestEvents.EVEN_TYPE)
                .hasMessageContaining("field 'timestamp' holds a BSON STRING, expected a DATE_TIME");
        assertThatThrownBy(() -> store.readAll(GlobalQuery.after(0, 10))).isInstanceOf(EventStoreException.class)
                .hasMessageContaining("version 2");
        assertThat(store.read(id, AggregateQuery.all().upTo(1))).hasSize(1);
    }

    @Test
    void a_version_that_is_no_longer_a_number_is_named_with_what_can_still_be_read() {
        // given
        UUID id = UUID.randomUUID();
        store.append(events(id, 1, 1));
        // when
        edit(id, Updates.set("events.0.version", new BsonString("one")));
        // then
        assertThatThrownBy(() -> store.read(id, AggregateQuery.all()))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("aggregate " + id)
                .hasMessageContaining("version unreadable STRING")
                .hasMessageContaining("type " + TestEvents.ODD_TYPE)
                .hasMessageContaining("field 'version' holds a BSON STRING, expected a INT64");
    }

    @Test
    void a_payload_value_json_cannot_express_is_named_by_its_path() {
        // given
        UUID id = UUID.randomUUID();
        store.append(events(id, 1, 1));
        // when
        edit(id, Updates.set("events.0.payload.nested.when", new BsonDateTime(0)));
        // then
        assertThatThrownBy(() -> store.read(id, AggregateQuery.all()))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("version 1")
                .hasMessageContaining("field 'payload.nested.when' holds a BSON DATE_TIME, which has no JSON form");
    }

    @Test
    void a_payload_edited_into_valid_bson_that_no_longer_fits_the_event_class_fails_in_the_codec_naming_the_event() {
        // given an event written through the Jackson codec
        JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.builder().register("Deposited", Deposited.class).build());
        UUID id = UUID.randomUUID();
        Deposited deposited = new Deposited(id, 1, Instant.parse("2026-11-28T10:15:30.123456Z"), 250);
        store.append(List.of(codec.encode(deposited)));
        assertThat(store.read(id, AggregateQuery.all())).singleElement().extracting(StoredEvent::payloadJson).isEqualTo("{\"amount\":250}");
        // when someone turns the amount into text
        edit(id, Updates.set("events.0.payload.amount", new BsonString("a lot")));
        // then the store reads it, and the codec names the event it cannot decode
        StoredEvent stored = store.read(id, AggregateQuery.all()).get(0);
        assertThat(stored.payloadJson()).isEqualTo("{\"amount\":\"a lot\"}");
        assertThatThrownBy(() -> codec.decode(stored))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("aggregate " + id)
                .hasMessageContaining("version 1")
                .hasMessageContaining("type 'Deposited'")
                .hasMessageContaining("amount");
    }

    @Test
    void a_payload_text_with_content_after_its_json_object_fails_the_read_naming_aggregate_version_and_type() {
        // given
        UUID id = UUID.randomUUID();
        long commit = store.append(events(id, 1, 2)).get(0);
        // when someone replaces the second event's payload with text that holds more than one JSON object
        edit(id, Updates.combine(Updates.unset("events.1.payload"), Updates.set("events.1.payloadJson", "{\"amount\":5} trailing")));
        // then
        assertThatThrownBy(() -> store.read(id, AggregateQuery.all()))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("commit " + commit)
                .hasMessageContaining("aggregate " + id)
                .hasMessageContaining("version 2")
                .hasMessageContaining("type " + TestEvents.EVEN_TYPE)
                .hasMessageContaining("field 'payloadJson' does not hold one JSON object: it has content after the JSON object");
        assertThatThrownBy(() -> store.readAll(GlobalQuery.after(0, 10))).isInstanceOf(EventStoreException.class)
                .hasMessageContaining("version 2").hasMessageContaining("payloadJson");
        assertThat(store.read(id, AggregateQuery.all().upTo(1))).hasSize(1);
    }

    @Test
    void payload_text_that_is_not_one_json_object_fails_the_read_and_one_that_is_reads_back_exactly() {
        // given
        UUID id = UUID.randomUUID();
        store.append(events(id, 1, 1));
        for (String bad : List.of("{\"amount\":5}{\"amount\":6}", "{\"amount\":5}]", "[5]", "\"five\"", "{\"amount\":}", "")) {
            // when
            edit(id, Updates.combine(Updates.unset("events.0.payload"), Updates.set("events.0.payloadJson", bad)));
            // then
            assertThatThrownBy(() -> store.read(id, AggregateQuery.all())).as(bad)
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageContaining("aggregate " + id).hasMessageContaining("version 1").hasMessageContaining("type " + TestEvents.ODD_TYPE)
                    .hasMessageContaining("field 'payloadJson' does not hold one JSON object");
        }
        // when the text is one object, with duplicate names as the store writes such payloads
        edit(id, Updates.set("events.0.payloadJson", " {\"amount\":5,\"amount\":6} "));
        // then
        assertThat(store.read(id, AggregateQuery.all())).singleElement().extracting(StoredEvent::payloadJson)
                .isEqualTo(" {\"amount\":5,\"amount\":6} ");
    }

    @Test
    void a_snapshot_state_text_with_content_after_its_json_object_fails_naming_the_aggregate_version_and_type() {
        // given
        UUID id = UUID.randomUUID();
        store.save(new SnapshotRecord(id, 4, "Counter.v1", "{\"count\":4}".getBytes(StandardCharsets.UTF_8), Instant.EPOCH));
        // when
        client.getDatabase(database).getCollection("eventum_snapshots", BsonDocument.class)
                .updateOne(Filters.eq("aggregateId", new BsonBinary(id)),
                        Updates.combine(Updates.unset("state"), Updates.set("stateJson", "{\"count\":4} trailing")));
        // then
        assertThatThrownBy(() -> store.latest(id, Long.MAX_VALUE))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("snapshot of aggregate " + id + " version 4 type Counter.v1 does not decode")
                .hasMessageContaining("'stateJson' does not hold one JSON object: it has content after the JSON object");
    }

    @Test
    void a_snapshot_edited_into_the_wrong_shape_fails_naming_the_aggregate_version_and_type() {
        // given
        UUID id = UUID.randomUUID();
        store.save(new SnapshotRecord(id, 4, "Counter.v1", "{\"count\":4}".getBytes(StandardCharsets.UTF_8), Instant.EPOCH));
        // when
        client.getDatabase(database).getCollection("eventum_snapshots", BsonDocument.class)
                .updateOne(Filters.eq("aggregateId", new BsonBinary(id)), Updates.set("timestamp", new BsonString("then")));
        // then
        assertThatThrownBy(() -> store.latest(id, Long.MAX_VALUE))
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("snapshot of aggregate " + id + " version 4 type Counter.v1 does not decode");
    }
}
