package io.eventum.examples.ddd;

import io.eventum.application.Application;
import io.eventum.application.Repository;
import io.eventum.application.codec.EventCodec;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.SnapshotStore;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.EventEnvelope;
import io.eventum.examples.dogschool.Dog;
import io.eventum.store.jpa.JpaEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Data written by the previous release (Eventum 0.1.0 at commit b0fc6b1, whose events carried their
 * header as record components) loads with today's API, where events are plain records: the stored
 * format did not change. Two fixtures, both written by that release's own code and kept under
 * {@code src/test/resources/old-format}: an H2 database file written by its {@code JpaEventStore},
 * and a JSON dump of the same stored events and snapshots, which this test appends to every store.
 * They hold the seed's aggregate (snapshot every 3 events; one kept with 4 examples, one discarded)
 * and the dog school (Fido with 3 tricks and a snapshot; Rex saved with metadata).
 */
class OldFormatDataTest {

    private static final Path FIXTURES = Path.of("src/test/resources/old-format");
    private static final JsonNode DUMP = JsonMapper.builder().build().readTree(FIXTURES.resolve("eventum-0.1.0-stored.json").toFile());

    @Test
    void an_h2_database_file_written_by_the_previous_release_loads(@TempDir Path dir) throws IOException {
        // given a copy of the file, opened without creating anything
        Files.copy(FIXTURES.resolve("eventum-0.1.0.mv.db"), dir.resolve("old.mv.db"));
        String url = "jdbc:h2:file:" + dir.resolve("old").toAbsolutePath() + ";DB_CLOSE_DELAY=0";
        try (JpaEventStore store = JpaEventStore.builder().jdbcUrl(url, "sa", "").build()) {
            // then
            assertEverythingLoads(store, store);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreChoice.class)
    void events_and_snapshots_stored_by_the_previous_release_load_on_every_store(StoreChoice choice) {
        // given every stored event and snapshot of the dump, appended as the old release stored them
        StoreChoice.Connection connection = new StoreChoice.Connection(
                choice == StoreChoice.h2 ? "jdbc:h2:mem:old-format-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" : null, null, null);
        try (StoreChoice.OpenedStore opened = choice.open(connection)) {
            EventStore store = opened.store();
            for (JsonNode event : DUMP.get("events")) {
                store.append(List.of(new EventRecord(UUID.fromString(event.get("aggregateId").asString()), event.get("version").asLong(),
                        event.get("type").asString(), bytes(event.get("payload").asString()), metadata(event.get("metadata")),
                        Instant.parse(event.get("timestamp").asString()))));
            }
            SnapshotStore snapshots = (SnapshotStore) store;
            for (JsonNode snapshot : DUMP.get("snapshots")) {
                snapshots.save(new SnapshotRecord(UUID.fromString(snapshot.get("aggregateId").asString()), snapshot.get("version").asLong(),
                        snapshot.get("type").asString(), bytes(snapshot.get("state").asString()),
                        Instant.parse(snapshot.get("timestamp").asString())));
            }
            // then
            assertEverythingLoads(store, snapshots);
        }
    }

    private static void assertEverythingLoads(EventStore store, SnapshotStore snapshots) {
        AtomicInteger decodes = new AtomicInteger();
        Application app = Application.builder(store).snapshotStore(snapshots).aggregate(ExampleAggregateRoot.TYPE, Dog.TYPE)
                .codec(types -> new CountingDecodes(new JacksonEventCodec(types), decodes)).build();
        Repository<ExampleAggregateRoot, ExampleAggregateRoot.Event> examples = app.repository(ExampleAggregateRoot.TYPE);
        Repository<Dog, Dog.Event> dogs = app.repository(Dog.TYPE);
        JsonNode expected = DUMP.get("expected");

        // the kept aggregate loads from its snapshot at version 5, its last: no event decoded
        UUID kept = UUID.fromString(expected.get("example.kept.id").asString());
        ExampleAggregateRoot aggregate = examples.get(kept);
        assertThat(decodes).hasValue(0);
        assertThat(aggregate.version()).isEqualTo(5);
        assertThat(aggregate.examples()).extracting(example -> example.id().toString())
                .containsExactly(expected.get("example.kept.examples").asString().split(","));
        assertThat(aggregate.createdOn()).isEqualTo(Instant.parse(expected.get("example.kept.createdOn").asString()));
        assertThat(aggregate.lastModifiedOn()).isEqualTo(Instant.parse(expected.get("example.kept.lastModifiedOn").asString()));
        // and from its events alone, the same
        ExampleAggregateRoot replayed = examples.get(kept, 4);
        assertThat(replayed.countExamples()).isEqualTo(3);
        assertThat(decodes.get()).isBetween(1, 4);

        // the discarded aggregate is not found, at any level of the API
        UUID discarded = UUID.fromString(expected.get("example.discarded.id").asString());
        assertThat(examples.contains(discarded)).isFalse();
        assertThat(examples.find(discarded)).isEmpty();
        assertThatThrownBy(() -> examples.get(discarded)).hasMessageContaining("discarded");
        assertThat(examples.get(discarded, 2).countExamples()).isEqualTo(1);

        // the dog school: Fido from his snapshot, Rex from events that carry metadata
        UUID fido = UUID.fromString(expected.get("dog.fido.id").asString());
        assertThat(dogs.get(fido).tricks()).containsExactly("roll over", "play dead", "sit");
        assertThat(dogs.get(fido).name()).isEqualTo("Fido");
        UUID rex = UUID.fromString(expected.get("dog.rex.id").asString());
        assertThat(dogs.get(rex).tricks()).containsExactly("fetch");
        List<StoredEvent> rexEvents = store.read(rex, AggregateQuery.all());
        EventEnvelope<Object> learned = app.codec().decodeEnvelope(rexEvents.get(1));
        assertThat(learned.event()).isEqualTo(new Dog.TrickAdded("fetch"));
        assertThat(learned.metadata()).containsEntry("userId", "alice").containsEntry("correlationId", "c-1");

        // and new events continue the old streams
        Dog dog = dogs.get(fido);
        dog.addTrick("shake");
        app.save(dog);
        assertThat(dogs.get(fido).tricks()).containsExactly("roll over", "play dead", "sit", "shake");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> metadata(JsonNode node) {
        Map<String, String> metadata = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            metadata.put(entry.getKey(), entry.getValue().asString());
        }
        return metadata;
    }

    /** A codec that counts decodes, so the test can tell a snapshot load from a replay. */
    private record CountingDecodes(EventCodec delegate, AtomicInteger decodes) implements EventCodec {
        @Override
        public EventRecord encode(EventEnvelope<?> envelope) {
            return delegate.encode(envelope);
        }

        @Override
        public Object decode(StoredEvent stored) {
            decodes.incrementAndGet();
            return delegate.decode(stored);
        }

        @Override
        public SnapshotRecord encodeSnapshot(UUID aggregateId, long version, Instant createdOn, Instant lastModifiedOn, Object state) {
            return delegate.encodeSnapshot(aggregateId, version, createdOn, lastModifiedOn, state);
        }

        @Override
        public DecodedSnapshot decodeSnapshot(SnapshotRecord snapshot) {
            return delegate.decodeSnapshot(snapshot);
        }
    }
}
