package io.eventum.application.codec.jackson;

import io.eventum.application.codec.Account;
import io.eventum.application.codec.EventEncodingException;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.StoredValues;
import io.eventum.domain.EventEnvelope;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store port and the codec share their limits: whatever payload the port accepts, the codec's
 * mapper reads back to the same value; what the codec cannot write never reaches a store.
 */
class PortLimitsParityTest {

    private static final JsonMapper MAPPER = JacksonEventCodec.defaultMapper();
    private static final UUID ID = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    private static EventRecord accepted(byte[] json) {
        return new EventRecord(ID, 1, "Parity", json, Map.of(), AT);
    }

    @Test
    void payloads_at_every_limit_of_the_port_are_read_back_equal_by_the_codecs_mapper() {
        List<String> atTheLimits = List.of(
                "{\"a\":" + "[".repeat(StoredValues.MAX_DEPTH - 1) + "]".repeat(StoredValues.MAX_DEPTH - 1) + "}",
                "{\"n\":" + "9".repeat(StoredValues.MAX_NUMBER_LENGTH) + "}",
                "{\"n\":-" + "9".repeat(StoredValues.MAX_NUMBER_LENGTH - 1) + "}",
                "{\"n\":1.5e9999,\"m\":-2E-9999}",
                "{\"" + "k".repeat(StoredValues.MAX_MEMBER_NAME_LENGTH) + "\":1}",
                "{\"" + "é".repeat(StoredValues.MAX_MEMBER_NAME_LENGTH) + "\":1}",
                "{\"s\":\"" + "x".repeat(StoredValues.MAX_PAYLOAD_BYTES - 8) + "\"}");
        for (String json : atTheLimits) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            accepted(bytes);
            JsonNode read = MAPPER.readTree(bytes);
            assertThat(read.isObject()).as(json.substring(0, 20)).isTrue();
        }
    }

    @Test
    void random_documents_the_port_accepts_are_read_back_equal_and_the_rest_are_refused_by_a_named_rule() {
        Random random = new Random(20261130);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < 2_000; i++) {
            byte[] json = randomDocument(random);
            EventRecord record;
            try {
                record = accepted(json);
            } catch (IllegalArgumentException e) {
                refused++;
                assertThat(e).hasMessageContaining(ID.toString());
                continue;
            }
            accepted++;
            JsonNode read = MAPPER.readTree(record.payload());
            assertThat(MAPPER.writeValueAsString(read)).isEqualTo(MAPPER.writeValueAsString(MAPPER.readTree(json)));
        }
        assertThat(accepted).isGreaterThan(1_000);
        assertThat(refused).isGreaterThan(50);
    }

    /** A small JSON object whose strings mix every kind of character, lone surrogates and NUL among them. */
    private static byte[] randomDocument(Random random) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        int members = 1 + random.nextInt(5);
        for (int i = 0; i < members; i++) {
            node.put(randomText(random, 6), randomText(random, 40));
        }
        node.putArray("list").add(random.nextLong()).add(random.nextDouble()).add(randomText(random, 10)).addNull();
        StringBuilder json = new StringBuilder(node.toString());
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String randomText(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder();
        List<int[]> ranges = new ArrayList<>(List.of(new int[] {0x20, 0x7e}, new int[] {0x0, 0x1f}, new int[] {0xa0, 0x24f},
                new int[] {0x4e00, 0x4fff}, new int[] {0x1f600, 0x1f64f}, new int[] {0xd800, 0xdfff}));
        for (int i = 0; i < length; i++) {
            int[] range = random.nextInt(20) == 0 ? ranges.get(5) : ranges.get(random.nextInt(5));
            text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
        }
        return text.toString();
    }

    @Test
    void an_event_nested_deeper_than_the_port_accepts_fails_in_the_codec_before_any_store() {
        // given an Object field holding lists nested past the limit
        Object nested = List.of();
        for (int i = 0; i < StoredValues.MAX_DEPTH + 5; i++) {
            nested = List.of(nested);
        }
        JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.of(Account.TYPE));
        Object deep = nested;
        // then
        assertThatThrownBy(() -> codec.encode(new EventEnvelope<>(ID, 1, AT, new Account.Noted(deep), Map.of())))
                .isInstanceOfAny(EventEncodingException.class, IllegalArgumentException.class).hasMessageContaining(ID.toString());
    }
}
