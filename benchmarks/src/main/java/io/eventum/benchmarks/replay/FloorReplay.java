package io.eventum.benchmarks.replay;

import com.fasterxml.jackson.databind.ObjectReader;
import io.eventum.application.codec.jackson.JacksonEventCodec;
import io.eventum.benchmarks.Workload;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.Mutator;
import io.eventum.examples.ddd.ExampleAggregateRoot;
import io.eventum.examples.ddd.ExampleAggregateRoot.Created;
import io.eventum.examples.ddd.ExampleAggregateRoot.Event;
import io.eventum.examples.ddd.ExampleAggregateRoot.ExampleCreated;
import io.eventum.examples.ddd.ExampleDDDApplication;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The floors a replay cannot beat, on the same events as the store benchmarks.
 *
 * <ul>
 *   <li>{@link #floorObjects()}: apply pre-built event objects through {@code AggregateRoot.mutate},
 *       the check-and-apply step every replay ends with.</li>
 *   <li>{@link #floorDecode()}: decode each event's pre-serialized JSON payload (the very bytes
 *       Eventum stores) with a cached Jackson {@link ObjectReader} per type, build the event from
 *       the payload and its header values, then the same apply. It is what any JSON codec must do
 *       at the least: no store, no type lookup by name, no per-event reader.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class FloorReplay {

    private static final Mutator<ExampleAggregateRoot, Event> MUTATOR = ExampleAggregateRoot::mutate;

    /** How many events the aggregate has: one Created, then ExampleCreated. */
    @Param({"10", "1000", "100000"})
    public int events;

    /** The payload of Created as stored: no fields of its own. */
    record CreatedPayload() {
    }

    /** The payload of ExampleCreated as stored: the entity's id. */
    record ExampleCreatedPayload(UUID exampleId) {
    }

    private Event[] objects;
    private UUID id;
    private byte[][] payloads;
    private Instant[] timestamps;
    private ObjectReader createdReader;
    private ObjectReader exampleCreatedReader;

    /** Builds the events and serializes them with Eventum's codec, once per trial. */
    @Setup(Level.Trial)
    public void prepare() {
        List<Event> built = Workload.events(events);
        JacksonEventCodec codec = new JacksonEventCodec(ExampleDDDApplication.EVENT_TYPES);
        objects = built.toArray(Event[]::new);
        id = objects[0].originatorId();
        payloads = new byte[objects.length][];
        timestamps = new Instant[objects.length];
        for (int i = 0; i < objects.length; i++) {
            payloads[i] = codec.encode(objects[i]).payload();
            timestamps[i] = objects[i].timestamp();
        }
        // Eventum's default mapper, so both decode with the same modules and features.
        createdReader = JacksonEventCodec.defaultMapper().readerFor(CreatedPayload.class);
        exampleCreatedReader = JacksonEventCodec.defaultMapper().readerFor(ExampleCreatedPayload.class);
        Workload.requireExamples(floorObjects().countExamples(), events);
        Workload.requireExamples(floorDecode().countExamples(), events);
    }

    /** Applies the pre-built events in a plain loop. */
    @Benchmark
    public ExampleAggregateRoot floorObjects() {
        ExampleAggregateRoot aggregate = null;
        for (Event event : objects) {
            aggregate = AggregateRoot.mutate(MUTATOR, aggregate, event);
        }
        return aggregate;
    }

    /** Decodes every payload with a cached reader, builds the event, applies it. */
    @Benchmark
    public ExampleAggregateRoot floorDecode() {
        try {
            Objects.requireNonNull(createdReader.<CreatedPayload>readValue(payloads[0]), "Created payload");
            ExampleAggregateRoot aggregate = AggregateRoot.mutate(MUTATOR, null, new Created(id, 1, timestamps[0]));
            for (int i = 1; i < payloads.length; i++) {
                ExampleCreatedPayload payload = exampleCreatedReader.readValue(payloads[i]);
                aggregate = AggregateRoot.mutate(MUTATOR, aggregate,
                        new ExampleCreated(id, i + 1L, timestamps[i], payload.exampleId()));
            }
            return aggregate;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
