package io.eventum.examples.ddd;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;

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
    public sealed interface Event permits Created, ExampleCreated, Discarded {
    }

    /** Published when the aggregate is created. */
    public record Created() implements Event {
    }

    /** Published when an "example" entity is created inside the aggregate. */
    public record ExampleCreated(UUID exampleId) implements Event {
    }

    /** Published when the aggregate is discarded. */
    public record Discarded() implements Event {
    }

    /** What a snapshot keeps of the aggregate: the ids of its examples, in creation order. */
    public record State(List<UUID> exampleIds) {
    }

    /** The aggregate type: its events, its mutator, the event that discards it, and its snapshots. */
    public static final AggregateType<ExampleAggregateRoot, Event> TYPE =
            AggregateType.builder(ExampleAggregateRoot.class, Event.class)
                    .mutator(ExampleAggregateRoot::mutate)
                    .discardedBy(Discarded.class)
                    .snapshots(State.class, ExampleAggregateRoot::state, ExampleAggregateRoot::new)
                    .build();

    private final Map<UUID, Example> examples = new LinkedHashMap<>();

    private ExampleAggregateRoot() {
    }

    private ExampleAggregateRoot(State state) {
        for (UUID exampleId : state.exampleIds()) {
            examples.put(exampleId, new Example(exampleId));
        }
    }

    /** The factory: a new aggregate, with its Created event pending. */
    public static ExampleAggregateRoot create() {
        return TYPE.create(new Created());
    }

    /**
     * The mutator: builds the aggregate from Created, adds an entity for ExampleCreated, and
     * yields {@code null} for Discarded. Live commands and replay both go through here.
     */
    public static ExampleAggregateRoot mutate(ExampleAggregateRoot aggregate, Event event) {
        if (event instanceof Created) {
            return new ExampleAggregateRoot();
        } else if (event instanceof ExampleCreated created) {
            aggregate.examples.put(created.exampleId(), new Example(created.exampleId()));
            return aggregate;
        } else if (event instanceof Discarded) {
            return null;
        }
        throw new IllegalArgumentException("not an event of ExampleAggregateRoot: " + event);
    }

    /** Creates a new "example" entity inside this aggregate. */
    public void createNewExample() {
        apply(new ExampleCreated(UUID.randomUUID()));
    }

    /** Discards this aggregate; once saved, the repository no longer finds it. */
    public void discard() {
        apply(new Discarded());
    }

    /** How many "example" entities this aggregate holds. */
    public int countExamples() {
        return examples.size();
    }

    /** The entities, in creation order, as an unmodifiable view. */
    public Collection<Example> examples() {
        return Collections.unmodifiableCollection(examples.values());
    }

    /** The aggregate's state, for a snapshot. */
    public State state() {
        return new State(List.copyOf(examples.keySet()));
    }
}
