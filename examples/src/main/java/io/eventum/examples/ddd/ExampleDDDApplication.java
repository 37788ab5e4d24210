package io.eventum.examples.ddd;

import io.eventum.application.Application;
import io.eventum.application.Repository;
import io.eventum.application.Snapshotting;
import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.application.store.EventStore;

/**
 * The seed's {@code ExampleDDDApplication}: an application service over an event store of the
 * caller's choosing, with a repository of example aggregates. Close it (try-with-resources) to
 * close its store, as the seed's {@code with} block does.
 */
public class ExampleDDDApplication extends Application {

    /** The stable names under which the aggregate's events are stored. */
    public static final EventTypeRegistry EVENT_TYPES = EventTypeRegistry.builder()
            .register("ExampleAggregateRoot.Created", ExampleAggregateRoot.Created.class)
            .register("ExampleAggregateRoot.ExampleCreated", ExampleAggregateRoot.ExampleCreated.class)
            .register("ExampleAggregateRoot.Discarded", ExampleAggregateRoot.Discarded.class)
            .registerState("ExampleAggregateRoot.State", ExampleAggregateRoot.State.class)
            .build();

    /** Loads example aggregates by id. */
    public final Repository<ExampleAggregateRoot, ExampleAggregateRoot.Event> aggregateRepository;

    /** The application over {@code store}, which it closes when it is closed; no snapshots. */
    public ExampleDDDApplication(EventStore store) {
        super(store, EVENT_TYPES);
        this.aggregateRepository = repository(ExampleAggregateRoot.Event.class, ExampleAggregateRoot::mutate);
    }

    /**
     * The application over {@code store} (also its snapshot store), taking a snapshot of an
     * aggregate each time a save crosses a multiple of {@code snapshotEvery} events.
     */
    public ExampleDDDApplication(EventStore store, int snapshotEvery) {
        super(store, EVENT_TYPES);
        this.aggregateRepository = repository(ExampleAggregateRoot.Event.class, ExampleAggregateRoot::mutate,
                Snapshotting.of(ExampleAggregateRoot.class, ExampleAggregateRoot.State.class,
                        ExampleAggregateRoot::state, ExampleAggregateRoot::restore).every(snapshotEvery));
    }
}
