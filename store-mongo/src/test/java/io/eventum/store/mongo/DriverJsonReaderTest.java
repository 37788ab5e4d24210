package io.eventum.store.mongo;

import org.bson.BsonDocument;
import org.bson.BsonType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Why payloads are converted to BSON by {@link JsonToBson} (Jackson's parser into the driver's
 * writer) and not by the driver's own JSON reader, although the two cost about the same
 * ({@code MongoCodecBenchmark}): the driver's reader reads MongoDB Extended JSON, so it turns some
 * plain JSON objects into other BSON types; it reads a number with a fraction or exponent as a
 * double, losing digits; and it fails on an integer beyond 64 bits. If a driver release stops doing
 * these, this test fails, and the hand-written conversion should give way to the driver's.
 */
class DriverJsonReaderTest {

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"v\":{\"$numberLong\":\"5\"}}",
            "{\"v\":{\"$date\":\"2026-11-28T10:15:30Z\"}}",
            "{\"v\":{\"$oid\":\"5f43a1b2c3d4e5f6a7b8c9d0\"}}"})
    void the_driver_reads_an_object_with_a_dollar_name_as_another_type_where_the_store_keeps_the_text(String json) throws Exception {
        // when
        BsonType byDriver = BsonDocument.parse(json).get("v").getBsonType();
        byte[] byStore = JsonToBson.toBson(utf8(json));
        // then
        assertThat(byDriver).isNotEqualTo(BsonType.DOCUMENT);
        assertThat(byStore).as("kept as text, exactly as given").isNull();
    }

    @Test
    void the_driver_reads_a_decimal_as_a_double_where_the_store_keeps_every_digit() throws Exception {
        // given
        String digits = "3.1415926535897932384626433832795";
        String json = "{\"v\":" + digits + "}";
        // when
        BsonDocument byDriver = BsonDocument.parse(json);
        byte[] byStore = JsonToBson.toBson(utf8(json));
        // then
        assertThat(byDriver.get("v").getBsonType()).isEqualTo(BsonType.DOUBLE);
        assertThat(Double.toString(byDriver.getDouble("v").getValue())).isNotEqualTo(digits);
        assertThat(new String(BsonToJson.render(byStore, 0), StandardCharsets.UTF_8)).isEqualTo(json);
    }

    @Test
    void the_driver_cannot_read_an_integer_beyond_64_bits_which_the_store_keeps_as_a_decimal() throws Exception {
        // given
        String json = "{\"v\":123456789012345678901234567890}";
        // when / then
        assertThatThrownBy(() -> BsonDocument.parse(json)).isInstanceOf(NumberFormatException.class);
        assertThat(new String(BsonToJson.render(JsonToBson.toBson(utf8(json)), 0), StandardCharsets.UTF_8)).isEqualTo(json);
    }
}
