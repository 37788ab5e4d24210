package io.eventum.application.codec.jackson;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.eventum.application.codec.Account;
import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.EventEncodingException;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.EventEnvelope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class JacksonEventCodecTest {

    private final JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.of(Account.TYPE));
    private final UUID id = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-11-28T09:30:00.123456Z");

    private EventEnvelope<Account.Event> envelope(long version, Account.Event event, Map<String, String> metadata) {
        return new EventEnvelope<>(id, version, at, event, metadata);
    }

    private StoredEvent stored(long version, String type, String json) {
        return new StoredEvent(42, id, version, type, json.getBytes(StandardCharsets.UTF_8), Map.of(), at);
    }

    @Test
    void an_event_round_trips_through_its_stable_type_name_with_its_header_beside_it() {
        // given
        Account.Deposited deposited = new Account.Deposited(new BigDecimal("12.50"), LocalDate.of(2026, 11, 30), List.of("a", "ü"));
        // when
        EventRecord record = codec.encode(envelope(3, deposited, Map.of("user", "ada")));
        EventEnvelope<Object> decoded = codec.decodeEnvelope(record.at(42));
        // then
        assertThat(record.type()).isEqualTo("Account.Deposited");
        assertThat(record.aggregateId()).isEqualTo(id);
        assertThat(record.version()).isEqualTo(3);
        assertThat(record.timestamp()).isEqualTo(at);
        assertThat(record.metadata()).containsEntry("user", "ada");
        assertThat(record.payloadJson()).isEqualTo("{\"amount\":12.50,\"valueDate\":\"2026-11-30\",\"notes\":[\"a\",\"ü\"]}");
        assertThat(decoded).isEqualTo(new EventEnvelope<>(id, 3, at, deposited, Map.of("user", "ada")));
    }

    @Test
    void an_optional_round_trips_and_an_absent_one_reads_as_empty() {
        Account.Renamed renamed = new Account.Renamed("Ada", Optional.of("A"));
        assertThat(codec.decode(codec.encode(envelope(2, renamed, Map.of())).at(1))).isEqualTo(renamed);
        assertThat(codec.decode(stored(2, "Account.Renamed", "{\"name\":\"Ada\"}"))).isEqualTo(new Account.Renamed("Ada", Optional.empty()));
    }

    @Test
    void a_missing_reference_field_reads_as_null_so_events_can_gain_fields() {
        assertThat(codec.decode(stored(1, "Account.Opened", "{}"))).isEqualTo(new Account.Opened(null));
    }

    @Test
    void a_missing_primitive_fails_naming_aggregate_version_type_and_field() {
        // given a withdrawal stored without its amount: it must not load as a withdrawal of 0
        StoredEvent missing = stored(6, "Account.Withdrawn", "{\"urgent\":true}");
        // when
        EventDecodingException failure = catchThrowableOfType(EventDecodingException.class, () -> codec.decode(missing));
        // then
        assertThat(failure).hasMessageContaining(id.toString()).hasMessageContaining("version 6")
                .hasMessageContaining("Account.Withdrawn").hasMessageContaining("cents");
    }

    @Test
    void a_null_primitive_fails_naming_the_field() {
        assertThatThrownBy(() -> codec.decode(stored(6, "Account.Withdrawn", "{\"cents\":null,\"urgent\":false}")))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("cents").hasMessageContaining("version 6");
        assertThatThrownBy(() -> codec.decode(stored(6, "Account.Withdrawn", "{\"cents\":5}")))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("urgent");
    }

    @Test
    void an_unregistered_class_cannot_be_encoded() {
        record Stray() {
        }
        assertThatThrownBy(() -> codec.encode(new EventEnvelope<>(id, 1, at, new Stray(), Map.of())))
                .isInstanceOf(EventEncodingException.class)
                .hasMessageContaining(Stray.class.getName())
                .hasMessageContaining(id.toString());
    }

    @Test
    void an_unknown_type_name_fails_naming_aggregate_version_and_type() {
        // when
        EventDecodingException failure = catchThrowableOfType(EventDecodingException.class,
                () -> codec.decode(stored(4, "Account.Closed", "{}")));
        // then
        assertThat(failure.aggregateId()).isEqualTo(id);
        assertThat(failure.version()).isEqualTo(4);
        assertThat(failure.type()).isEqualTo("Account.Closed");
        assertThat(failure).hasMessageContaining(id.toString()).hasMessageContaining("version 4").hasMessageContaining("Account.Closed");
    }

    @Test
    void a_corrupt_payload_fails_naming_aggregate_version_and_type() {
        for (String corrupt : List.of("{\"owner\":", "not json", "{\"owner\":[1,2]}", "{\"owner\":\"x\",\"unexpected\":1}",
                "{\"owner\":\"x\"} trailing", "{\"owner\":\"x\"}{}")) {
            assertThatThrownBy(() -> codec.decode(stored(9, "Account.Opened", corrupt))).as(corrupt)
                    .isInstanceOf(EventDecodingException.class)
                    .hasMessageContaining(id.toString())
                    .hasMessageContaining("version 9")
                    .hasMessageContaining("Account.Opened");
        }
    }

    @Test
    void a_field_of_the_wrong_type_is_named_in_the_error() {
        assertThatThrownBy(() -> codec.decode(stored(2, "Account.Deposited", "{\"amount\":\"a lot\"}")))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("amount").hasMessageContaining("version 2");
    }

    /** Counts its own constructions: stored data must never make the codec build one. */
    public static final class Gadget {
        static final AtomicInteger BUILT = new AtomicInteger();

        public Gadget() {
            BUILT.incrementAndGet();
        }
    }

    @Test
    void stored_data_cannot_name_a_class_to_instantiate() {
        // given payloads that try Jackson's polymorphic typing tricks on an Object field
        String gadget = Gadget.class.getName();
        List<String> hostile = List.of(
                "{\"note\":[\"" + gadget + "\",{}]}",
                "{\"note\":{\"@class\":\"" + gadget + "\"}}",
                "{\"note\":{\"@type\":\"" + gadget + "\"}}");
        // when
        for (String json : hostile) {
            Object decoded = codec.decode(stored(2, "Account.Noted", json));
            // then
            assertThat(((Account.Noted) decoded).note()).as(json).isNotInstanceOf(Gadget.class);
        }
        assertThat(Gadget.BUILT).hasValue(0);
    }

    @Test
    void a_mapper_with_default_typing_is_refused() {
        JsonMapper typing = JsonMapper.builder()
                .activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfBaseType(Object.class).build(),
                        DefaultTyping.NON_FINAL, JsonTypeInfo.As.PROPERTY)
                .build();
        assertThatThrownBy(() -> new JacksonEventCodec(EventTypeRegistry.of(Account.TYPE), typing))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("default typing");
        assertThat(Gadget.BUILT).hasValue(0);
    }

    @Test
    void a_users_mapper_keeps_its_settings_and_gains_the_strict_rules() {
        // given a mapper of the user's (no particular settings) that would read a missing primitive as 0
        JacksonEventCodec withUsersMapper = new JacksonEventCodec(EventTypeRegistry.of(Account.TYPE), JsonMapper.builder().build());
        // then
        assertThatThrownBy(() -> withUsersMapper.decode(stored(3, "Account.Withdrawn", "{}"))).isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("cents");
        assertThatThrownBy(() -> withUsersMapper.decode(stored(3, "Account.Opened", "{\"owner\":\"x\",\"extra\":1}")))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("extra");
    }
}
