package io.eventum.benchmarks;

import io.eventum.domain.EventEnvelope;
import io.eventum.examples.ddd.ExampleAggregateRoot;
import io.eventum.examples.ddd.ExampleDDDApplication;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The workload every benchmark runs: the seed's {@link ExampleAggregateRoot}, one Created event and
 * then {@code N - 1} ExampleCreated events, made by the aggregate's own command methods.
 */
public final class Workload {

    /** The most events one setup append carries: a long stream is written over time, not at once. */
    private static final int EVENTS_PER_SAVE = 1_000;

    private Workload() {
    }

    /**
     * Creates an aggregate of {@code events} events and saves it to {@code app}, in saves of at most
     * 1,000 events, then checks that it loads back whole.
     *
     * @return the aggregate's id
     */
    public static UUID populate(ExampleDDDApplication app, int events) {
        ExampleAggregateRoot aggregate = ExampleAggregateRoot.create();
        for (int version = 2; version <= events; version++) {
            if (aggregate.pendingEvents().size() == EVENTS_PER_SAVE) {
                app.save(aggregate);
            }
            aggregate.createNewExample();
        }
        app.save(aggregate);
        requireExamples(app.aggregateRepository.get(aggregate.id()).countExamples(), events);
        return aggregate.id();
    }

    /** The events of one aggregate of {@code events} events, in order and in their envelopes, as its commands applied them. */
    public static List<EventEnvelope<ExampleAggregateRoot.Event>> events(int events) {
        return new ArrayList<>(batch(events).pendingEvents());
    }

    /** An aggregate of one batch: created, then {@code events - 1} entities; nothing saved yet. */
    public static ExampleAggregateRoot batch(int events) {
        ExampleAggregateRoot aggregate = ExampleAggregateRoot.create();
        for (int version = 2; version <= events; version++) {
            aggregate.createNewExample();
        }
        return aggregate;
    }

    /**
     * Fails the setup if a loaded aggregate does not hold one entity per ExampleCreated event, so
     * that no benchmark measures a load that silently read less.
     */
    public static void requireExamples(int examples, int events) {
        if (examples != events - 1) {
            throw new IllegalStateException("loaded " + examples + " example entities, expected " + (events - 1));
        }
    }
}
