package io.eventum.benchmarks.replay;

import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.benchmarks.Workload;
import io.eventum.domain.AggregateType;
import io.eventum.domain.EventEnvelope;
import io.eventum.examples.ddd.ExampleAggregateRoot;
import io.eventum.examples.ddd.ExampleAggregateRoot.Created;
import io.eventum.examples.ddd.ExampleAggregateRoot.Event;
import io.eventum.examples.ddd.ExampleAggregateRoot.ExampleCreated;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.ObjectReader;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The floors a replay cannot beat, on the same events as the store benchmarks.
 *
 * <ul>
 *   <li>{@link #floorObjects()}: apply pre-built event objects through the aggregate type's
 *       check-and-apply step ({@code AggregateType.applyStored}), which every replay ends with.</li>
 *   <li>{@link #floorDecode()}: decode each event's pre-serialized JSON payload (the very bytes
 *       Eventum stores) with a cached Jackson 3 {@link ObjectReader} per event class, then the same
 *       apply. It is what any JSON codec must do at the least: no store, no type lookup by name, no
 *       per-event reader.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FloorReplay {

    private static final AggregateType<ExampleAggregateRoot, Event> TYPE = ExampleAggregateRoot.TYPE;

    /** How many events the aggregate has: one Created, then ExampleCreated. */
    @Param({"10", "1000", "100000"})
    public int events;

    private Event[] objects;
    private UUID id;
    private byte[][] payloads;
    private Instant[] timestamps;
    private ObjectReader createdReader;
    private ObjectReader exampleCreatedReader;

    /** Builds the events and serializes them with Eventum's codec, once per trial. */
    @Setup(Level.Trial)
    public void prepare() {
        List<EventEnvelope<Event>> built = Workload.events(events);
        JacksonEventCodec codec = new JacksonEventCodec(EventTypeRegistry.of(TYPE));
        id = built.get(0).aggregateId();
        objects = new Event[built.size()];
        payloads = new byte[built.size()][];
        timestamps = new Instant[built.size()];
        for (int i = 0; i < objects.length; i++) {
            objects[i] = built.get(i).event();
            payloads[i] = codec.encode(built.get(i)).payload();
            timestamps[i] = built.get(i).timestamp();
        }
        // Eventum's default mapper, so both decode with the same features and strictness.
        createdReader = JacksonEventCodec.defaultMapper().readerFor(Created.class);
        exampleCreatedReader = JacksonEventCodec.defaultMapper().readerFor(ExampleCreated.class);
        Workload.requireExamples(floorObjects().countExamples(), events);
        Workload.requireExamples(floorDecode().countExamples(), events);
    }

    /** Applies the pre-built events in a plain loop. */
    @Benchmark
    public ExampleAggregateRoot floorObjects() {
        ExampleAggregateRoot aggregate = null;
        for (int i = 0; i < objects.length; i++) {
            aggregate = TYPE.applyStored(aggregate, id, i + 1L, timestamps[i], Map.of(), objects[i]);
        }
        return aggregate;
    }

    /** Decodes every payload with a cached reader, then applies it. */
    @Benchmark
    public ExampleAggregateRoot floorDecode() {
        Created created = createdReader.readValue(payloads[0]);
        ExampleAggregateRoot aggregate = TYPE.applyStored(null, id, 1, timestamps[0], Map.of(), created);
        for (int i = 1; i < payloads.length; i++) {
            ExampleCreated event = exampleCreatedReader.readValue(payloads[i]);
            aggregate = TYPE.applyStored(aggregate, id, i + 1L, timestamps[i], Map.of(), event);
        }
        return aggregate;
    }
}
