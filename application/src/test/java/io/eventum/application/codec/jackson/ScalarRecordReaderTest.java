package io.eventum.application.codec.jackson;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.eventum.application.codec.Account;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.store.StoredEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direct reader decodes exactly what Jackson's data binding decodes, or defers to it: over
 * thousands of seeded payloads, well-formed and not, every value it returns equals Jackson's, and
 * it never returns one where Jackson fails.
 */
class ScalarRecordReaderTest {

    record Plain(String text, UUID id, int count, long total, double ratio, boolean flag,
                 Integer boxedCount, Long boxedTotal, Double boxedRatio, Boolean boxedFlag) {
    }

    record Empty() {
    }

    record Checked(int amount) {
        Checked {
            if (amount < 0) {
                throw new IllegalArgumentException("negative amount " + amount);
            }
        }
    }

    record Renamed(@JsonProperty("label") String text) {
    }

    record Timed(Instant at) {
    }

    private static final JsonMapper MAPPER = JacksonEventCodec.defaultMapper();
    private static final String[] NAMES = {"text", "id", "count", "total", "ratio", "flag", "boxedCount", "boxedTotal", "boxedRatio",
        "boxedFlag", "unknown", "amount", "TEXT"};
    private static final String[] VALUES = {"null", "true", "false", "0", "-7", "2147483647", "2147483648", "-2147483649",
        "9223372036854775807", "9223372036854775808", "1.5", "-0.0", "1e3", "1E400", "\"\"", "\"text\"", "\"5\"", "\"true\"",
        "\"123e4567-e89b-12d3-a456-426614174000\"", "\"123E4567-E89B-12D3-A456-426614174000\"", "\"123e4567-e89b-12d3-a456-42661417400\"",
        "\"123e4567+e89b-12d3-a456-426614174000\"", "\"123e4567-e89b-12d3-a456-42661417400g\"",
        "\"\uff11\uff12\uff13e4567-e89b-12d3-a456-426614174000\"", "\"EjRWeJASNFZ4kBI0VniQEg==\"", "{}", "[]", "[1]", "{\"a\":1}"};

    @Test
    void every_value_it_returns_is_the_one_jackson_returns_and_it_never_accepts_what_jackson_refuses() {
        Random random = new Random(20261201);
        int direct = 0;
        for (Class<?> type : List.of(Plain.class, Empty.class, Checked.class)) {
            ObjectReader reader = MAPPER.readerFor(type);
            ScalarRecordReader scalar = ScalarRecordReader.of(type, reader);
            assertThat(scalar).as(type.getSimpleName()).isNotNull();
            for (int i = 0; i < 5_000; i++) {
                String json = randomPayload(random, type == Plain.class ? i % 3 == 0 : i % 5 == 0);
                Object expected;
                try {
                    expected = reader.readValue(json.getBytes(StandardCharsets.UTF_8));
                } catch (RuntimeException refused) {
                    expected = refused;
                }
                Object actual = scalar.read(json.getBytes(StandardCharsets.UTF_8));
                if (actual != null) {
                    direct++;
                    assertThat(expected).as("%s from %s", type.getSimpleName(), json).isNotInstanceOf(RuntimeException.class);
                    assertThat(actual).as("%s from %s", type.getSimpleName(), json).isEqualTo(expected);
                }
            }
        }
        assertThat(direct).as("payloads read directly").isGreaterThan(1_000);
    }

    @Test
    void a_well_formed_payload_of_a_plain_record_is_read_directly() {
        Plain plain = new Plain("a \"quoted\" \u00e9 text", UUID.randomUUID(), -3, Long.MIN_VALUE, 0.1, true, null, 4L, -2.5, false);
        byte[] json = MAPPER.writeValueAsBytes(plain);
        assertThat(ScalarRecordReader.of(Plain.class, MAPPER.readerFor(Plain.class)).read(json)).isEqualTo(plain);
        assertThat(ScalarRecordReader.of(Empty.class, MAPPER.readerFor(Empty.class)).read("{ }".getBytes())).isEqualTo(new Empty());
    }

    @Test
    void records_with_jackson_annotations_or_other_component_types_are_left_to_jackson() {
        assertThat(ScalarRecordReader.of(Renamed.class, MAPPER.readerFor(Renamed.class))).isNull();
        assertThat(ScalarRecordReader.of(Timed.class, MAPPER.readerFor(Timed.class))).isNull();
        assertThat(ScalarRecordReader.of(String.class, MAPPER.readerFor(String.class))).isNull();
    }

    @Test
    void a_codec_on_an_applications_own_mapper_decodes_through_that_mapper() {
        JsonMapper own = JsonMapper.builder().addModule(new SimpleModule().addDeserializer(String.class, new ValueDeserializer<String>() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                return parser.getString().toUpperCase(java.util.Locale.ROOT);
            }
        })).build();
        JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.of(Account.TYPE), own);
        StoredEvent stored = new StoredEvent(1, UUID.randomUUID(), 1, "Account.Opened",
                "{\"owner\":\"ada\"}".getBytes(StandardCharsets.UTF_8), Map.of(), Instant.EPOCH);
        assertThat(codec.decode(stored)).isEqualTo(new Account.Opened("ADA"));
        assertThat(new JacksonEventCodec(EventTypeRegistry.of(Account.TYPE)).decode(stored)).isEqualTo(new Account.Opened("ada"));
    }

    private static String randomPayload(Random random, boolean wellFormed) {
        if (wellFormed) {
            return MAPPER.writeValueAsString(new Plain(random.nextBoolean() ? null : "t" + random.nextInt(), random.nextBoolean() ? null
                    : UUID.randomUUID(), random.nextInt(), random.nextLong(), random.nextDouble(), random.nextBoolean(),
                    random.nextBoolean() ? null : random.nextInt(), random.nextBoolean() ? null : random.nextLong(),
                    random.nextBoolean() ? null : random.nextDouble(), random.nextBoolean() ? null : random.nextBoolean()));
        }
        StringBuilder json = new StringBuilder(random.nextInt(20) == 0 ? "[" : "{");
        List<String> members = new ArrayList<>();
        int count = random.nextInt(NAMES.length + 1);
        for (int i = 0; i < count; i++) {
            members.add("\"" + NAMES[random.nextInt(NAMES.length)] + "\":" + VALUES[random.nextInt(VALUES.length)]);
        }
        json.append(String.join(",", members)).append('}');
        switch (random.nextInt(12)) {
            case 0 -> json.append(" trailing");
            case 1 -> json.append(" {}");
            case 2 -> json.append("  \n");
            case 3 -> json.setLength(json.length() - 1);
            default -> { }
        }
        return json.toString();
    }
}
