package io.eventum.examples.ddd;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.DomainEvent;
import io.eventum.domain.Mutator;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The root entity of the example aggregate: it owns a cluster of {@link Example} entities and is
 * the only way to create them. Every change is an event, applied by {@link #mutate}.
 */
public final class ExampleAggregateRoot extends AggregateRoot<ExampleAggregateRoot, ExampleAggregateRoot.Event> {

    /** The layer supertype of this aggregate's events. */
    public sealed interface Event extends DomainEvent permits Created, ExampleCreated, Discarded {
    }

    /** Published when the aggregate is created. */
    public record Created(UUID originatorId, long originatorVersion, Instant timestamp) implements Event {
    }

    /** Published when an "example" entity is created inside the aggregate. */
    public record ExampleCreated(UUID originatorId, long originatorVersion, Instant timestamp, UUID exampleId)
            implements Event {
    }

    /** Published when the aggregate is discarded. */
    public record Discarded(UUID originatorId, long originatorVersion, Instant timestamp) implements Event {
    }

    /** What a snapshot keeps of the aggregate: the ids of its examples, in creation order. */
    public record State(List<UUID> exampleIds) {
    }

    private final Map<UUID, Example> examples = new LinkedHashMap<>();

    private ExampleAggregateRoot(Created created) {
        super(created);
    }

    private ExampleAggregateRoot(Restored restored, State state) {
        super(restored);
        for (UUID exampleId : state.exampleIds()) {
            examples.put(exampleId, new Example(exampleId));
        }
    }

    /** Rebuilds the aggregate from a snapshot. */
    public static ExampleAggregateRoot restore(Restored restored, State state) {
        return new ExampleAggregateRoot(restored, state);
    }

    /** The aggregate's state, for a snapshot. */
    public State state() {
        return new State(List.copyOf(examples.keySet()));
    }

    /** The factory: a new aggregate, with its Created event pending. */
    public static ExampleAggregateRoot create() {
        return create(ExampleAggregateRoot::mutate, new Created(UUID.randomUUID(), 1, now()));
    }

    /**
     * The mutator: builds the aggregate from Created, adds an entity for ExampleCreated, and
     * yields {@code null} for Discarded. Live commands and replay both go through here.
     */
    public static ExampleAggregateRoot mutate(ExampleAggregateRoot aggregate, Event event) {
        if (event instanceof Created created) {
            return new ExampleAggregateRoot(created);
        } else if (event instanceof ExampleCreated exampleCreated) {
            aggregate.examples.put(exampleCreated.exampleId(), new Example(exampleCreated.exampleId()));
            return aggregate;
        } else if (event instanceof Discarded) {
            return null;
        }
        throw new IllegalArgumentException("not an event of ExampleAggregateRoot: " + event);
    }

    @Override
    protected Mutator<ExampleAggregateRoot, Event> mutator() {
        return ExampleAggregateRoot::mutate;
    }

    /** Creates a new "example" entity inside this aggregate. */
    public void createNewExample() {
        trigger((id, version, at) -> new ExampleCreated(id, version, at, UUID.randomUUID()));
    }

    /** Discards this aggregate; once saved, the repository no longer finds it. */
    public void discard() {
        trigger(Discarded::new);
    }

    /** How many "example" entities this aggregate holds. */
    public int countExamples() {
        return examples.size();
    }

    /** The entities, in creation order, as an unmodifiable view. */
    public Collection<Example> examples() {
        return Collections.unmodifiableCollection(examples.values());
    }
}
