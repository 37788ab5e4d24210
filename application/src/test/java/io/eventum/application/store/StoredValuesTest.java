package io.eventum.application.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The port's rules for what a store keeps, checked where records are made: each refusal names the record and the rule. */
class StoredValuesTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final Instant AT = Instant.parse("2026-11-30T12:00:00Z");

    private static EventRecord record(String type, String payload, Map<String, String> metadata, Instant at) {
        return new EventRecord(ID, 3, type, payload.getBytes(StandardCharsets.UTF_8), metadata, at);
    }

    private static EventRecord payload(byte[] payload) {
        return new EventRecord(ID, 3, "Test.Event", payload, Map.of(), AT);
    }

    private static EventRecord payload(String json) {
        return payload(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone \uD800 high", "lone \uDC00 low", "nul \u0000 inside", "tab\tinside", "line\nbreak", " ", ""})
    void a_type_name_that_a_store_could_not_keep_exactly_is_refused_naming_the_record(String type) {
        assertThatThrownBy(() -> record(type, "{}", Map.of(), AT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ID.toString()).hasMessageContaining("version 3").hasMessageContaining("type name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone \uD800 high", "lone \uDFFF low", "nul \u0000 inside"})
    void metadata_keys_and_values_that_are_not_unicode_text_are_refused(String text) {
        assertThatThrownBy(() -> record("T", "{}", Map.of("key", text), AT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ID.toString()).hasMessageContaining("metadata value");
        assertThatThrownBy(() -> record("T", "{}", Map.of(text, "value"), AT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ID.toString()).hasMessageContaining("metadata key");
    }

    @Test
    void metadata_within_the_limits_is_kept_including_control_characters_and_astral_characters_in_values() {
        Map<String, String> metadata = Map.of("$source", "tck", "trace.id", "say \"hi\" \\ back\n\ttab \u0001 😀");
        assertThat(record("T", "{}", metadata, AT).metadata()).isEqualTo(metadata);
    }

    @Test
    void metadata_beyond_its_limits_is_refused() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= StoredValues.MAX_METADATA_ENTRIES; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> record("T", "{}", many, AT)).hasMessageContaining("metadata entries");
        assertThatThrownBy(() -> record("T", "{}", Map.of("k", "x".repeat(StoredValues.MAX_METADATA_VALUE_LENGTH + 1)), AT))
                .hasMessageContaining("characters long");
        assertThatThrownBy(() -> record("T", "{}", Map.of("k".repeat(StoredValues.MAX_NAME_LENGTH + 1), "v"), AT))
                .hasMessageContaining("characters long");
        Map<String, String> withNull = new HashMap<>();
        withNull.put("k", null);
        assertThatThrownBy(() -> record("T", "{}", withNull, AT)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
    }

    @Test
    void timestamps_outside_years_1_to_9999_are_refused_and_the_bounds_are_kept() {
        for (Instant outside : new Instant[] {Instant.MIN, Instant.MAX, Instant.parse("0000-12-31T23:59:59.999999Z"),
                Instant.parse("+10000-01-01T00:00:00Z")}) {
            assertThatThrownBy(() -> record("T", "{}", Map.of(), outside)).as(outside.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ID.toString()).hasMessageContaining("timestamp");
        }
        assertThat(record("T", "{}", Map.of(), StoredValues.MIN_TIMESTAMP).timestamp()).isEqualTo(StoredValues.MIN_TIMESTAMP);
        assertThat(record("T", "{}", Map.of(), StoredValues.MAX_TIMESTAMP).timestamp()).isEqualTo(StoredValues.MAX_TIMESTAMP);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"text\":\"\\uD800\"}", "{\"text\":\"\\uDC00x\"}", "{\"text\":\"\\uD800\\u0041\"}", "{\"text\":\"\\u0000\"}",
        "{\"\\uD800\":1}", "{\"a\":1,\"a\":2}", "{\"a\":1,\"\\u0061\":2}", "{\"n\":1e10000}", "{\"n\":1E+99999}",
        "{} trailing", "[1]", "\"text\"", "{\"a\":}", "{\"a\":01}"})
    void a_payload_a_store_could_not_keep_exactly_or_the_codec_could_not_read_is_refused(String json) {
        assertThatThrownBy(() -> payload(json)).as(json).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ID.toString()).hasMessageContaining("Test.Event");
    }

    @Test
    void a_payload_that_is_not_strict_utf8_is_refused() {
        byte[][] broken = {
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},                 // overlong '/'
            {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},    // an encoded surrogate
            {'{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}'},                 // a truncated character
            {'{', '"', 'a', '"', ':', '"', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"', '}'}};   // beyond U+10FFFF
        for (byte[] payload : broken) {
            assertThatThrownBy(() -> payload(payload)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UTF-8");
        }
    }

    @Test
    void surrogate_pairs_escaped_or_raw_are_kept() {
        assertThatCode(() -> payload("{\"emoji\":\"\\uD83D\\uDE00 😀\",\"\\uD83D\\uDE00\":true}")).doesNotThrowAnyException();
    }

    @Test
    void nesting_member_names_numbers_and_size_are_bounded_at_the_limits() {
        String deepest = "[".repeat(StoredValues.MAX_DEPTH - 1) + "]".repeat(StoredValues.MAX_DEPTH - 1);
        assertThatCode(() -> payload("{\"a\":" + deepest + "}")).doesNotThrowAnyException();
        assertThatThrownBy(() -> payload("{\"a\":[" + deepest + "]}")).hasMessageContaining("deeper than 500");
        assertThatCode(() -> payload("{\"n\":" + "9".repeat(StoredValues.MAX_NUMBER_LENGTH) + "}")).doesNotThrowAnyException();
        assertThatThrownBy(() -> payload("{\"n\":" + "9".repeat(StoredValues.MAX_NUMBER_LENGTH + 1) + "}")).hasMessageContaining("number longer");
        assertThatCode(() -> payload("{\"n\":1e9999}")).doesNotThrowAnyException();
        assertThatCode(() -> payload("{\"" + "k".repeat(StoredValues.MAX_MEMBER_NAME_LENGTH) + "\":1}")).doesNotThrowAnyException();
        assertThatThrownBy(() -> payload("{\"" + "k".repeat(StoredValues.MAX_MEMBER_NAME_LENGTH + 1) + "\":1}")).hasMessageContaining("member name");
        String filler = "x".repeat(StoredValues.MAX_PAYLOAD_BYTES - 8);
        assertThatCode(() -> payload("{\"s\":\"" + filler + "\"}")).doesNotThrowAnyException();
        assertThatThrownBy(() -> payload("{\"s\":\"" + filler + "x\"}")).hasMessageContaining("bytes long");
    }

    @Test
    void follower_names_follow_the_name_rules_and_messages_never_repeat_a_huge_value() {
        String huge = "f".repeat(100_000);
        assertThatThrownBy(() -> new Tracking(huge, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100000 characters").message().hasSizeLessThan(400);
        assertThatThrownBy(() -> new Tracking("lone \uD800", 1)).hasMessageContaining("lone surrogate").hasMessageContaining("\\uD800");
        assertThatThrownBy(() -> Tracking.requireFollower("nul\u0000")).hasMessageContaining("U+0000");
        assertThat(new Tracking("projection-😀", 1).follower()).isEqualTo("projection-😀");
    }

    @Test
    void snapshots_follow_the_same_rules() {
        assertThatThrownBy(() -> new SnapshotRecord(ID, 2, "S\uD800", "{}".getBytes(StandardCharsets.UTF_8), AT))
                .hasMessageContaining(ID.toString()).hasMessageContaining("type name");
        assertThatThrownBy(() -> new SnapshotRecord(ID, 2, "S", "{\"a\":1,\"a\":1}".getBytes(StandardCharsets.UTF_8), AT))
                .hasMessageContaining("repeats the member name");
        assertThatThrownBy(() -> new SnapshotRecord(ID, 2, "S", "{}".getBytes(StandardCharsets.UTF_8), Instant.MAX))
                .hasMessageContaining("timestamp");
    }
}
