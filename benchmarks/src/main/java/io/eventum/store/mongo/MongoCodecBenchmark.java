package io.eventum.store.mongo;

import io.eventum.application.store.EventRecord;
import io.eventum.application.store.StoredEvent;
import org.bson.RawBsonDocument;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The MongoDB store's client-side work, without a server: encoding a batch into its commit
 * document, and decoding commit documents back into stored events (payload BSON to JSON bytes),
 * by the store's own code ({@link CommitEncoder}: the driver's BsonBinaryWriter with payloads
 * converted by the hand-written {@link JsonToBson}; {@link CommitReader}: the driver's
 * BsonBinaryReader with payloads rendered by the hand-written {@link BsonToJson}) and by the
 * driver's own codecs alone ({@link DriverCommitCodec}). Until commit db2a3d7 the store read commits
 * with a hand-written byte-offset walk; this benchmark (as {@code decodeHand}, beside
 * {@code decodeDriverStreamingHandJson}) is what replaced it.
 *
 * <p>It lives in the store's package, inside the benchmarks module, because the layer it measures is
 * package-private: the store shows no codec API, and the benchmark should not make it show one.
 *
 * <p>{@code shape}: {@code 1} one commit of 1 event, {@code 100} one commit of 100 events,
 * {@code 100x1} 100 commits of 1 event (a replay of 100 single-event appends). Every setup checks
 * that each way gives the same events as the store's (every field equal, payloads equal as JSON
 * values), and that the store's decode gives each payload back byte for byte.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar MongoCodecBenchmark -f 2 -wi 4 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 * Left out of {@code run.sh}'s profile: it compares implementations, it does not measure a store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MongoCodecBenchmark {

    /** The batches: see the class comment. */
    @Param({"1", "100", "100x1"})
    public String shape;

    private List<List<EventRecord>> batches;
    private List<RawBsonDocument> commits;
    private CommitReader reader;
    private int events;

    @Setup(Level.Trial)
    public void setUp() {
        batches = CommitSamples.batches(shape);
        reader = new CommitReader("bench.eventum_commits");
        commits = encodeStore();
        List<StoredEvent> expected = CommitSamples.stored(batches);
        events = expected.size();
        List<StoredEvent> store = decodeStore();
        CommitSamples.requireSame("the store's encode and decode", expected, store);
        for (int i = 0; i < events; i++) {
            if (!Arrays.equals(expected.get(i).payload(), store.get(i).payload())) {
                throw new IllegalStateException("the store changed the bytes of payload " + i + ": "
                        + expected.get(i).payloadJson() + " -> " + store.get(i).payloadJson());
            }
        }
        CommitSamples.requireSame("driver streaming encode", expected, decodeStore(encodeAll(DriverCommitCodec::encodeStreaming)));
        CommitSamples.requireSame("driver BsonDocument encode", expected, decodeStore(encodeAll(DriverCommitCodec::encodeBsonDocument)));
        CommitSamples.requireSame("driver Document encode", expected, decodeStore(encodeAll(DriverCommitCodec::encodeDocument)));
        CommitSamples.requireSame("driver streaming decode", expected, decodeDriverStreaming());
        CommitSamples.requireSame("driver BsonDocument decode", expected, decodeDriverBsonDocument());
        CommitSamples.requireSame("driver RawBsonDocument decode", expected, decodeDriverRaw());
    }

    private List<RawBsonDocument> encodeAll(BiFunction<List<EventRecord>, Long, RawBsonDocument> encoder) {
        List<RawBsonDocument> encoded = new ArrayList<>(batches.size());
        long position = 1;
        for (List<EventRecord> batch : batches) {
            encoded.add(encoder.apply(batch, position));
            position += batch.size();
        }
        return encoded;
    }

    // ---- encode: the batches into commit documents ------------------------------------------

    /** {@link CommitEncoder}: the driver's BsonBinaryWriter, each payload converted by {@link JsonToBson} (Jackson's parser). */
    @Benchmark
    public List<RawBsonDocument> encodeStore() {
        return encodeAll((batch, position) -> CommitEncoder.encode(batch, null).at(position));
    }

    /** The same writer, each payload read by the driver's JsonReader and piped into it. */
    @Benchmark
    public List<RawBsonDocument> encodeDriverStreaming() {
        return encodeAll(DriverCommitCodec::encodeStreaming);
    }

    /** A BsonDocument tree (payloads by BsonDocument.parse) encoded by BsonDocumentCodec. */
    @Benchmark
    public List<RawBsonDocument> encodeDriverBsonDocument() {
        return encodeAll(DriverCommitCodec::encodeBsonDocument);
    }

    /** A Document (payloads by Document.parse) encoded by the default registry's codec. */
    @Benchmark
    public List<RawBsonDocument> encodeDriverDocument() {
        return encodeAll(DriverCommitCodec::encodeDocument);
    }

    // ---- decode: commit documents into stored events, payloads as JSON bytes ----------------

    /** {@link CommitReader}: the driver's BsonBinaryReader, payloads by {@link BsonToJson}. */
    @Benchmark
    public List<StoredEvent> decodeStore() {
        return decodeStore(commits);
    }

    private List<StoredEvent> decodeStore(List<RawBsonDocument> documents) {
        List<StoredEvent> out = new ArrayList<>(events);
        for (RawBsonDocument document : documents) {
            for (CommitReader.Event event : reader.commit(document).events()) {
                out.add(event.decode());
            }
        }
        return out;
    }

    /** One pass of the driver's BsonBinaryReader, payloads piped into a JsonWriter. */
    @Benchmark
    public List<StoredEvent> decodeDriverStreaming() {
        return decodeDriver(DriverCommitCodec::decodeStreaming);
    }

    /** BsonDocumentCodec into a BsonDocument tree, payloads by BsonDocument.toJson. */
    @Benchmark
    public List<StoredEvent> decodeDriverBsonDocument() {
        return decodeDriver(DriverCommitCodec::decodeBsonDocument);
    }

    /** RawBsonDocument's accessors, payloads by RawBsonDocument.toJson. */
    @Benchmark
    public List<StoredEvent> decodeDriverRaw() {
        return decodeDriver(DriverCommitCodec::decodeRaw);
    }

    private List<StoredEvent> decodeDriver(BiConsumer<RawBsonDocument, List<StoredEvent>> decoder) {
        List<StoredEvent> out = new ArrayList<>(events);
        for (RawBsonDocument document : commits) {
            decoder.accept(document, out);
        }
        return out;
    }
}
