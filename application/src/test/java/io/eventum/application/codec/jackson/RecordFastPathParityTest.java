package io.eventum.application.codec.jackson;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.eventum.application.codec.EventDecodingException;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.DomainEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The record fast path decodes exactly as Jackson's creator does: for every payload below, both
 * paths give an equal event, or both fail with an {@link EventDecodingException}.
 */
class RecordFastPathParityTest {

    enum Size { SMALL, LARGE }

    record Address(String street, int number) {
    }

    record Everything(UUID originatorId, long originatorVersion, Instant timestamp,
                      String text, int count, Integer boxed, long big, Long bigBoxed, boolean flag, Boolean flagBoxed,
                      double ratio, UUID other, BigDecimal amount, List<String> tags, Map<String, Integer> scores,
                      Instant when, LocalDate day, Size size, Address address) implements DomainEvent {
    }

    /** Not a plain record (renamed property): always decoded by Jackson's creator. */
    record Renamed(UUID originatorId, long originatorVersion, Instant timestamp, @JsonProperty("n") String name) implements DomainEvent {
    }

    private static final EventTypeRegistry TYPES = EventTypeRegistry.builder()
            .register("Everything", Everything.class).register("Renamed", Renamed.class).build();
    private static final UUID ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final Instant AT = Instant.parse("2026-11-28T09:00:00.000001Z");

    private final JacksonEventCodec fast = new JacksonEventCodec(TYPES, JacksonEventCodec.defaultMapper(), true);
    private final JacksonEventCodec creator = new JacksonEventCodec(TYPES, JacksonEventCodec.defaultMapper(), false);

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"text\":\"t\",\"count\":3,\"boxed\":4,\"big\":5,\"bigBoxed\":6,\"flag\":true,\"flagBoxed\":false,\"ratio\":0.5,"
                    + "\"other\":\"11111111-2222-3333-4444-555555555555\",\"amount\":12.50,\"tags\":[\"a\",\"b\"],\"scores\":{\"x\":1},"
                    + "\"when\":\"2026-01-02T03:04:05.678Z\",\"day\":\"2026-02-03\",\"size\":\"LARGE\",\"address\":{\"street\":\"Main\",\"number\":7}}",
            "{}",
            "{\"count\":null,\"boxed\":null,\"flag\":null,\"ratio\":null,\"text\":null,\"other\":null,\"tags\":null,\"address\":null}",
            "{\"count\":\"12\",\"text\":42,\"ratio\":3,\"big\":\"7\",\"flag\":\"true\",\"amount\":\"1.5\"}",
            "{\"count\":1.9}",
            "{\"text\":\"a\",\"text\":\"b\"}",
            "{\"originatorId\":\"22222222-2222-2222-2222-222222222222\",\"originatorVersion\":99,\"timestamp\":\"2020-01-01T00:00:00Z\",\"text\":\"x\"}",
            "{\"unknown\":1}",
            "{\"count\":99999999999}",
            "{\"other\":\"not-a-uuid-but-thirty-six-characters\"}",
            "{\"other\":\"11111111-2222-3333-4444-55555555555\"}",
            "{\"size\":\"MEDIUM\"}",
            "{\"tags\":\"single\"}",
            "{\"address\":{\"street\":\"Main\",\"unknown\":1}}",
            "[1,2]",
            "{\"text\":\"x\"} {\"text\":\"y\"}",
            "{\"text\":"})
    void both_paths_decode_a_payload_alike(String payload) {
        assertSameOutcome("Everything", payload);
    }

    @org.junit.jupiter.api.Test
    void plain_records_take_the_fast_path_and_annotated_ones_do_not() {
        assertThat(RecordEventDecoder.of(Everything.class, JacksonEventCodec.defaultMapper())).isPresent();
        assertThat(RecordEventDecoder.of(Renamed.class, JacksonEventCodec.defaultMapper())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"n\":\"renamed\"}", "{\"name\":\"x\"}"})
    void an_annotated_record_decodes_through_jacksons_creator_on_both(String payload) {
        assertSameOutcome("Renamed", payload);
    }

    private void assertSameOutcome(String type, String payload) {
        StoredEvent stored = new StoredEvent(1, ID, 3, type, payload.getBytes(StandardCharsets.UTF_8), Map.of(), AT);
        Object viaFastPath;
        Object viaCreator;
        try {
            viaFastPath = fast.decode(stored);
        } catch (EventDecodingException e) {
            viaFastPath = e.getClass();
        }
        try {
            viaCreator = creator.decode(stored);
        } catch (EventDecodingException e) {
            viaCreator = e.getClass();
        }
        assertThat(viaFastPath).as(payload).isEqualTo(viaCreator);
        if (viaFastPath instanceof DomainEvent event) {
            assertThat(event.originatorId()).isEqualTo(ID);
            assertThat(event.originatorVersion()).isEqualTo(3);
            assertThat(event.timestamp()).isEqualTo(AT);
        }
        assertThat(catchThrowable(() -> fast.decode(stored))).as("fast path throws only EventDecodingException")
                .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(EventDecodingException.class));
    }
}
