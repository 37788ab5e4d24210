package io.eventum.application.codec.jackson;

import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.EventEncodingException;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.DomainEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JacksonEventCodecTest {

    record Deposited(UUID originatorId, long originatorVersion, Instant timestamp, BigDecimal amount,
                     LocalDate valueDate, List<String> notes) implements DomainEvent {
    }

    record Renamed(UUID originatorId, long originatorVersion, Instant timestamp, String name) implements DomainEvent {
    }

    record NotRegistered(UUID originatorId, long originatorVersion, Instant timestamp) implements DomainEvent {
    }

    private final JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.builder()
            .register("Account.Deposited", Deposited.class)
            .register("Account.Renamed", Renamed.class)
            .build());

    private final UUID id = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-11-28T09:30:00.123456Z");

    private static StoredEvent stored(EventRecord record) {
        return record.at(42);
    }

    @Test
    void an_event_round_trips_through_its_stable_type_name() {
        // given
        Deposited deposited = new Deposited(id, 3, at, new BigDecimal("12.50"), LocalDate.of(2026, 11, 30), List.of("a", "ü"));
        // when
        EventRecord record = codec.encode(deposited, Map.of("user", "ada"));
        DomainEvent decoded = codec.decode(stored(record));
        // then
        assertThat(record.type()).isEqualTo("Account.Deposited");
        assertThat(record.aggregateId()).isEqualTo(id);
        assertThat(record.version()).isEqualTo(3);
        assertThat(record.timestamp()).isEqualTo(at);
        assertThat(record.metadata()).containsEntry("user", "ada");
        assertThat(decoded).isEqualTo(deposited);
    }

    @Test
    void the_payload_holds_only_the_events_own_fields() {
        // when
        EventRecord record = codec.encode(new Renamed(id, 2, at, "Ada"));
        // then
        assertThat(record.payloadJson()).isEqualTo("{\"name\":\"Ada\"}");
    }

    @Test
    void the_header_comes_from_the_stored_event_not_from_the_payload() {
        // given a payload that (wrongly) repeats header fields
        UUID other = UUID.randomUUID();
        StoredEvent stored = new StoredEvent(7, id, 5, "Account.Renamed",
                ("{\"name\":\"Bob\"}").getBytes(StandardCharsets.UTF_8), Map.of(), at);
        // when
        Renamed decoded = (Renamed) codec.decode(stored);
        // then
        assertThat(decoded).isEqualTo(new Renamed(id, 5, at, "Bob"));
        assertThat(decoded.originatorId()).isNotEqualTo(other);
    }

    @Test
    void an_unregistered_class_cannot_be_encoded() {
        assertThatThrownBy(() -> codec.encode(new NotRegistered(id, 1, at)))
                .isInstanceOf(EventEncodingException.class)
                .hasMessageContaining(NotRegistered.class.getName())
                .hasMessageContaining(id.toString())
                .hasMessageContaining("not registered");
    }

    @Test
    void an_unknown_type_name_fails_naming_aggregate_version_and_type() {
        // given
        StoredEvent stored = new StoredEvent(1, id, 4, "Account.Closed", "{}".getBytes(StandardCharsets.UTF_8), Map.of(), at);
        // when
        EventDecodingException failure = catchThrowableOfType(EventDecodingException.class, () -> codec.decode(stored));
        // then
        assertThat(failure.aggregateId()).isEqualTo(id);
        assertThat(failure.version()).isEqualTo(4);
        assertThat(failure.type()).isEqualTo("Account.Closed");
        assertThat(failure).hasMessageContaining(id.toString()).hasMessageContaining("version 4").hasMessageContaining("Account.Closed");
    }

    @Test
    void a_corrupt_payload_fails_naming_aggregate_version_and_type() {
        for (String corrupt : List.of("{\"name\":", "not json", "{\"name\":[1,2]}", "{\"name\":\"x\",\"unexpected\":1}")) {
            StoredEvent stored = new StoredEvent(1, id, 9, "Account.Renamed", corrupt.getBytes(StandardCharsets.UTF_8), Map.of(), at);
            assertThatThrownBy(() -> codec.decode(stored)).as(corrupt)
                    .isInstanceOf(EventDecodingException.class)
                    .hasMessageContaining(id.toString())
                    .hasMessageContaining("version 9")
                    .hasMessageContaining("Account.Renamed");
        }
    }

    @Test
    void a_field_of_the_wrong_type_is_named_in_the_error() {
        StoredEvent stored = new StoredEvent(1, id, 2, "Account.Deposited",
                "{\"amount\":\"a lot\"}".getBytes(StandardCharsets.UTF_8), Map.of(), at);
        assertThatThrownBy(() -> codec.decode(stored)).isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("\"amount\"").hasMessageContaining("version 2");
    }

    @Test
    void a_stored_type_name_cannot_make_the_codec_instantiate_another_class() {
        // given a payload that tries Jackson polymorphic typing tricks
        String hostile = "{\"name\":[\"java.net.URL\",\"http://example.invalid\"],\"@class\":\"java.lang.ProcessBuilder\"}";
        StoredEvent stored = new StoredEvent(1, id, 1, "Account.Renamed", hostile.getBytes(StandardCharsets.UTF_8), Map.of(), at);
        // then
        assertThatThrownBy(() -> codec.decode(stored)).isInstanceOf(EventDecodingException.class);
    }
}
