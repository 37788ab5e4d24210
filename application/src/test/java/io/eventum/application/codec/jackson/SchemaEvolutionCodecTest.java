package io.eventum.application.codec.jackson;

import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.SnapshotDecodingException;
import io.eventum.application.store.SnapshotRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.DomainEvent;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaEvolutionCodecTest {

    /** The class was renamed from "Moved" and moved here; its stored name stays "Parcel.Moved". */
    record ParcelRelocated(UUID originatorId, long originatorVersion, Instant timestamp, String to) implements DomainEvent {
    }

    record State(String name, int size) {
    }

    private final UUID id = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-11-28T10:00:00Z");

    private StoredEvent stored(String type, String json) {
        return new StoredEvent(1, id, 2, type, json.getBytes(StandardCharsets.UTF_8), Map.of(), at);
    }

    @Test
    void a_renamed_class_reads_events_stored_under_its_stable_name() {
        JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.builder().register("Parcel.Moved", ParcelRelocated.class).build());
        assertThat(codec.decode(stored("Parcel.Moved", "{\"to\":\"Bern\"}"))).isEqualTo(new ParcelRelocated(id, 2, at, "Bern"));
    }

    @Test
    void an_aliased_type_name_reads_as_the_current_type() {
        JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.builder()
                .register("Parcel.Relocated", ParcelRelocated.class).alias("Moved", "Parcel.Relocated").build());
        assertThat(codec.decode(stored("Moved", "{\"to\":\"Chur\"}"))).isEqualTo(new ParcelRelocated(id, 2, at, "Chur"));
        assertThat(codec.encode(new ParcelRelocated(id, 3, at, "Bern")).type()).isEqualTo("Parcel.Relocated");
    }

    @Test
    void a_missing_upcaster_step_fails_naming_the_step_aggregate_version_and_type() {
        // given version 3 with an upcaster from 2 only
        JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.builder()
                .register("Parcel.Moved", ParcelRelocated.class, 3).upcaster("Parcel.Moved", 2, json -> json).build());
        // then
        assertThatThrownBy(() -> codec.decode(stored("Parcel.Moved", "{\"to\":\"Bern\"}")))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining(id.toString()).hasMessageContaining("version 2").hasMessageContaining("'Parcel.Moved'")
                .hasMessageContaining("no upcaster is registered from version 1 to 2");
        assertThat(codec.decode(stored("Parcel.Moved@v2", "{\"to\":\"Bern\"}"))).isEqualTo(new ParcelRelocated(id, 2, at, "Bern"));
    }

    @Test
    void an_event_from_newer_code_fails_saying_so() {
        JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.builder().register("Parcel.Moved", ParcelRelocated.class).build());
        assertThatThrownBy(() -> codec.decode(stored("Parcel.Moved@v4", "{\"to\":\"Bern\"}")))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("newer than the registered version 1");
    }

    @Test
    void a_snapshot_round_trips_with_its_creation_time() {
        // given
        JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.builder().registerState("Parcel.State", State.class).build());
        Instant created = Instant.parse("2026-01-01T00:00:00.000007Z");
        // when
        SnapshotRecord record = codec.encodeSnapshot(id, 40, created, at, new State("box", 3));
        var decoded = codec.decodeSnapshot(record);
        // then
        assertThat(record.type()).isEqualTo("Parcel.State");
        assertThat(record.timestamp()).isEqualTo(at);
        assertThat(decoded.state()).isEqualTo(new State("box", 3));
        assertThat(decoded.restored().version()).isEqualTo(40);
        assertThat(decoded.restored().createdOn()).isEqualTo(created);
        assertThat(decoded.restored().lastModifiedOn()).isEqualTo(at);
    }

    @Test
    void a_snapshot_without_an_upcast_path_is_reported_as_unusable() {
        JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.builder().registerState("Parcel.State", State.class, 2).build());
        SnapshotRecord old = new SnapshotRecord(id, 5, "Parcel.State",
                "{\"createdOn\":\"2026-01-01T00:00:00Z\",\"state\":{\"name\":\"box\"}}".getBytes(StandardCharsets.UTF_8), at);
        assertThatThrownBy(() -> codec.decodeSnapshot(old)).isInstanceOf(SnapshotDecodingException.class)
                .hasMessageContaining(id.toString()).hasMessageContaining("no upcaster");
    }
}
