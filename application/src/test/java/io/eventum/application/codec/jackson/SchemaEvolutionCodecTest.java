package io.eventum.application.codec.jackson;

import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.SnapshotDecodingException;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;
import io.eventum.domain.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaEvolutionCodecTest {

    static final class Parcel extends AggregateRoot<Parcel, Parcel.Event> {
        sealed interface Event permits Relocated {
        }

        /** The class was renamed from "Moved" and moved here; its stored name stays "Parcel.Moved". */
        record Relocated(String to) implements Event {
        }

        record State(String name, int size) {
        }
    }

    private final UUID id = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-11-28T10:00:00Z");

    private static AggregateType.Builder<Parcel, Parcel.Event> parcel() {
        return AggregateType.builder(Parcel.class, Parcel.Event.class).mutator((parcel, event) -> parcel == null ? new Parcel() : parcel);
    }

    private static JacksonEventCodec codec(AggregateType<?, ?> type) {
        return new JacksonEventCodec(EventTypeRegistry.of(type));
    }

    private StoredEvent stored(String type, String json) {
        return new StoredEvent(1, id, 2, type, json.getBytes(StandardCharsets.UTF_8), Map.of(), at);
    }

    @Test
    void a_renamed_class_reads_events_stored_under_its_stable_name() {
        JacksonEventCodec codec = codec(parcel().name(Parcel.Relocated.class, "Parcel.Moved").build());
        assertThat(codec.decode(stored("Parcel.Moved", "{\"to\":\"Bern\"}"))).isEqualTo(new Parcel.Relocated("Bern"));
    }

    @Test
    void an_aliased_type_name_reads_as_the_current_type() {
        JacksonEventCodec codec = codec(parcel().name(Parcel.Relocated.class, "Parcel.Relocated").alias(Parcel.Relocated.class, "Moved").build());
        assertThat(codec.decode(stored("Moved", "{\"to\":\"Chur\"}"))).isEqualTo(new Parcel.Relocated("Chur"));
        assertThat(codec.encode(new EventEnvelope<>(id, 3, at, new Parcel.Relocated("Bern"), Map.of())).type()).isEqualTo("Parcel.Relocated");
    }

    @Test
    void older_versions_are_upcast_step_by_step_and_the_current_one_is_read_as_is() {
        // given version 3: v1 had "city", v2 renamed it to "town", v3 to "to"
        JacksonEventCodec codec = codec(parcel().name(Parcel.Relocated.class, "Parcel.Moved").version(Parcel.Relocated.class, 3)
                .upcaster(Parcel.Relocated.class, 1, json -> { json.put("town", json.remove("city")); return json; })
                .upcaster(Parcel.Relocated.class, 2, json -> { json.put("to", json.remove("town")); return json; })
                .build());
        // then
        assertThat(codec.decode(stored("Parcel.Moved", "{\"city\":\"Bern\"}"))).isEqualTo(new Parcel.Relocated("Bern"));
        assertThat(codec.decode(stored("Parcel.Moved@v2", "{\"town\":\"Sion\"}"))).isEqualTo(new Parcel.Relocated("Sion"));
        assertThat(codec.decode(stored("Parcel.Moved@v3", "{\"to\":\"Chur\"}"))).isEqualTo(new Parcel.Relocated("Chur"));
        assertThat(codec.encode(new EventEnvelope<>(id, 3, at, new Parcel.Relocated("Bern"), Map.of())).type()).isEqualTo("Parcel.Moved@v3");
    }

    @Test
    void an_event_from_newer_code_fails_saying_so() {
        JacksonEventCodec codec = codec(parcel().name(Parcel.Relocated.class, "Parcel.Moved").build());
        assertThatThrownBy(() -> codec.decode(stored("Parcel.Moved@v4", "{\"to\":\"Bern\"}")))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("newer than the current version 1");
    }

    @Test
    void a_snapshot_round_trips_with_its_creation_time() {
        // given
        JacksonEventCodec codec = codec(parcel().snapshots(Parcel.State.class, parcel -> null, state -> new Parcel()).build());
        Instant created = Instant.parse("2026-01-01T00:00:00.000007Z");
        // when
        SnapshotRecord record = codec.encodeSnapshot(id, 40, created, at, new Parcel.State("box", 3));
        var decoded = codec.decodeSnapshot(record);
        // then
        assertThat(record.type()).isEqualTo("SchemaEvolutionCodecTest.Parcel.State");
        assertThat(record.timestamp()).isEqualTo(at);
        assertThat(decoded.state()).isEqualTo(new Parcel.State("box", 3));
        assertThat(decoded.version()).isEqualTo(40);
        assertThat(decoded.createdOn()).isEqualTo(created);
        assertThat(decoded.lastModifiedOn()).isEqualTo(at);
    }

    @Test
    void a_snapshot_without_an_upcast_path_is_reported_as_unusable() {
        JacksonEventCodec codec = codec(parcel().snapshots(Parcel.State.class, parcel -> null, state -> new Parcel())
                .name(Parcel.State.class, "Parcel.State").version(Parcel.State.class, 2).build());
        SnapshotRecord old = new SnapshotRecord(id, 5, "Parcel.State",
                "{\"createdOn\":\"2026-01-01T00:00:00Z\",\"state\":{\"name\":\"box\"}}".getBytes(StandardCharsets.UTF_8), at);
        assertThatThrownBy(() -> codec.decodeSnapshot(old)).isInstanceOf(SnapshotDecodingException.class)
                .hasMessageContaining(id.toString()).hasMessageContaining("no upcaster");
    }
}
