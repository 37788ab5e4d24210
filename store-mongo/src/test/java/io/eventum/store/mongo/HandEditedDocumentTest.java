package io.eventum.store.mongo;

import java.time.Duration;
import org.bson.BsonInt32;
import io.eventum.application.store.Tracking;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.CorruptStoredEventException;
import io.eventum.application.projection.ProjectionRunner;
import io.eventum.application.projection.Projection;
import io.eventum.application.notification.LocalNotificationLog;
import io.eventum.application.codec.EventCodec;
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
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;
import io.eventum.domain.EventEnvelope;
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
import java.util.Map;
import java.util.UUID;

import static io.eventum.store.tck.TestEvents.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Someone edits stored documents by hand in mongosh; reads then fail naming what broke, where. */
class HandEditedDocumentTest {

    /** An aggregate as an application defines it: its event holds domain data only. */
    static final class Account extends AggregateRoot<Account, Account.Event> {
        sealed interface Event permits Deposited {
        }

        record Deposited(long amount) implements Event {
        }

        static final AggregateType<Account, Event> TYPE = AggregateType.builder(Account.class, Event.class)
                .mutator((account, event) -> account == null ? new Account() : account).name(Deposited.class, "Deposited").build();
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
    void an_event_with_impossible_nanos_is_a_permanent_failure_that_stops_a_projection_after_the_events_before_it() throws Exception {
        // given a commit of three events whose second holds nanos no instant has
        UUID id = UUID.randomUUID();
        long commit = store.append(events(id, 1, 3)).get(0);
        edit(id, Updates.set("events.1.nanos", new BsonInt32(2_000_000_000)));
        // when read directly, the failure names the event and says it is permanent
        CorruptStoredEventException corrupt = catchThrowableOfType(CorruptStoredEventException.class,
                () -> store.readAll(GlobalQuery.after(0, 10)));
        assertThat(corrupt.position()).isEqualTo(commit + 1);
        assertThat(corrupt.aggregateId()).isEqualTo(id);
        assertThat(corrupt.version()).isEqualTo(2);
        // and a projection following the log gets the first event, then stops naming the second
        List<Long> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
        Projection positions = new Projection() {
            @Override
            public String name() {
                return "positions";
            }

            @Override
            public long trackedPosition() {
                return applied.isEmpty() ? 0 : applied.get(applied.size() - 1);
            }

            @Override
            public void apply(EventEnvelope<?> event, Tracking tracking) {
                applied.add(tracking.position());
            }
        };
        ProjectionRunner runner = ProjectionRunner.builder(new LocalNotificationLog(store), new PayloadText(), positions)
                .idleWait(Duration.ofMillis(1), Duration.ofMillis(5)).build();
        runner.start();
        runner.awaitPosition(Long.MAX_VALUE, Duration.ofSeconds(30));
        runner.stop();
        assertThat(applied).containsExactly(commit);
        assertThat(runner.failure()).get().satisfies(failure -> assertThat(failure.position()).isEqualTo(commit + 1));
        assertThat(runner.isRunning()).isFalse();
    }

    /** Hands on each payload as text: the test is about the store, not about decoding. */
    private static final class PayloadText implements EventCodec {
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
        JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.of(Account.TYPE));
        UUID id = UUID.randomUUID();
        store.append(List.of(codec.encode(new EventEnvelope<>(id, 1, Instant.parse("2026-11-28T10:15:30.123456Z"),
                new Account.Deposited(250), Map.of()))));
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
