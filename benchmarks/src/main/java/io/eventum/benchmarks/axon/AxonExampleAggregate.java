package io.eventum.benchmarks.axon;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The seed's {@code ExampleAggregateRoot} written the Axon Framework 4 way, so that both frameworks
 * replay the same workload: the same three events, the same state (a map of example entities in
 * creation order), rebuilt by {@code @EventSourcingHandler}s.
 *
 * <p>Axon keeps an event's aggregate id, sequence number and timestamp in the message, not in the
 * payload, just as Eventum keeps them out of the JSON; only {@link Created} repeats the id, because
 * an Axon aggregate learns its identifier from its creation event.
 */
public class AxonExampleAggregate {

    /** Published when the aggregate is created. */
    public record Created(UUID aggregateId) {
    }

    /** Published when an "example" entity is created inside the aggregate. */
    public record ExampleCreated(UUID exampleId) {
    }

    /** Published when the aggregate is discarded. */
    public record Discarded() {
    }

    /** An entity inside the aggregate, the counterpart of the seed's {@code Example}. */
    record Example(UUID id) {
    }

    @AggregateIdentifier
    private UUID id;
    private final Map<UUID, Example> examples = new LinkedHashMap<>();

    /** For Axon's aggregate factory, which builds an empty instance before replaying. */
    protected AxonExampleAggregate() {
    }

    /** Creates a new aggregate: applies {@link Created}. Call inside a unit of work. */
    public AxonExampleAggregate(UUID id) {
        AggregateLifecycle.apply(new Created(id));
    }

    /** Creates a new "example" entity inside this aggregate. */
    public void createNewExample() {
        AggregateLifecycle.apply(new ExampleCreated(UUID.randomUUID()));
    }

    /** How many "example" entities this aggregate holds. */
    public int countExamples() {
        return examples.size();
    }

    @EventSourcingHandler
    void on(Created created) {
        this.id = created.aggregateId();
    }

    @EventSourcingHandler
    void on(ExampleCreated created) {
        examples.put(created.exampleId(), new Example(created.exampleId()));
    }

    @EventSourcingHandler
    void on(Discarded discarded) {
        AggregateLifecycle.markDeleted();
    }
}
