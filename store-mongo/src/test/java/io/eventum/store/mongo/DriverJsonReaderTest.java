package io.eventum.store.mongo;

import io.eventum.store.tck.TestEvents;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Why payloads are converted to BSON by {@link JsonToBson} (Jackson's parser into the driver's
 * writer) and not by the driver's own JSON reader, although the two cost about the same
 * ({@code MongoCodecBenchmark}): the driver's reader reads MongoDB Extended JSON, so it turns some
 * plain JSON objects into other BSON types, and it reads every number with a fraction or exponent,
 * and every integer beyond 64 bits, as a double. If a driver release stops doing that, this test
 * fails, and the hand-written conversion should give way to the driver's.
 */
class DriverJsonReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"n\":{\"$numberLong\":\"5\"}}",
            "{\"when\":{\"$date\":\"2026-11-28T10:15:30Z\"}}",
            "{\"id\":{\"$oid\":\"5f43a1b2c3d4e5f6a7b8c9d0\"}}",
            "{\"pi\":3.141592653589793238462643383279502884197}",
            "{\"big\":123456789012345678901234567890}"})
    void the_driver_json_reader_changes_a_payload_that_json_to_bson_keeps(String json) throws Exception {
        // given
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        // when
        String byDriver = asTheStoreReadsIt(BsonDocument.parse(json));
        byte[] byStore = JsonToBson.toBson(payload);
        // then
        assertThat(byDriver).as("the driver's reading of " + json).isNotEqualTo(TestEvents.canonicalJson(payload));
        String kept = byStore == null ? json : new String(BsonToJson.render(byStore, 0), StandardCharsets.UTF_8);
        assertThat(TestEvents.canonicalJson(kept.getBytes(StandardCharsets.UTF_8))).isEqualTo(TestEvents.canonicalJson(payload));
    }

    /** The document as the store's read path gives it back (canonical), or why it cannot. */
    private static String asTheStoreReadsIt(BsonDocument document) {
        RawBsonDocument raw = new RawBsonDocument(document, new BsonDocumentCodec());
        try {
            return TestEvents.canonicalJson(BsonToJson.render(raw.getByteBuffer().array(), 0));
        } catch (BsonToJson.UnsupportedValueException e) {
            return "no JSON form: " + e.getMessage();
        }
    }
}
