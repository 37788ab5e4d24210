package io.eventum.examples.ddd;

import io.eventum.application.Application;
import io.eventum.application.Repository;
import io.eventum.application.store.EventStore;
import io.eventum.domain.AggregateType;

/**
 * The seed's {@code ExampleDDDApplication}: an application service over an event store of the
 * caller's choosing, with a repository of example aggregates. Close it (try-with-resources) to
 * close its store, as the seed's {@code with} block does.
 */
public class ExampleDDDApplication extends Application {

    /** Loads example aggregates by id. */
    public final Repository<ExampleAggregateRoot, ExampleAggregateRoot.Event> aggregateRepository;

    /** The application over {@code store}, which it closes when it is closed; snapshots on demand only. */
    public ExampleDDDApplication(EventStore store) {
        this(store, ExampleAggregateRoot.TYPE);
    }

    /**
     * The application over {@code store} (also its snapshot store), taking a snapshot of an
     * aggregate each time a save crosses a multiple of {@code snapshotEvery} events.
     */
    public ExampleDDDApplication(EventStore store, int snapshotEvery) {
        this(store, ExampleAggregateRoot.TYPE.withSnapshotEvery(snapshotEvery));
    }

    private ExampleDDDApplication(EventStore store, AggregateType<ExampleAggregateRoot, ExampleAggregateRoot.Event> type) {
        super(builder(store).aggregate(type));
        this.aggregateRepository = repository(type);
    }
}
