package io.eventum.benchmarks.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The Axon side of the workload, the counterpart of {@code ExampleDDDApplication}: an
 * {@link EmbeddedEventStore} on a storage engine and an {@link EventSourcingRepository} of
 * {@link AxonExampleAggregate}s, with no snapshots and no cache, so that every load replays every
 * event. Each call runs in its own unit of work, as a command handler would.
 */
public final class AxonExamples implements AutoCloseable {

    /** The aggregate type name Axon stores with each event (the class's simple name, its default). */
    static final String TYPE = AxonExampleAggregate.class.getSimpleName();
    private static final int EVENTS_PER_APPEND = 1_000;

    private final EmbeddedEventStore eventStore;
    private final EventSourcingRepository<AxonExampleAggregate> repository;

    /** Axon's event store and repository on {@code engine}. */
    public AxonExamples(EventStorageEngine engine) {
        this.eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        this.repository = EventSourcingRepository.builder(AxonExampleAggregate.class)
                .eventStore(eventStore)
                .snapshotTriggerDefinition(NoSnapshotTriggerDefinition.INSTANCE)
                .build();
    }

    /**
     * Stores an aggregate of {@code events} events straight through the storage engine (one
     * Created, then ExampleCreated), in appends of at most 1,000, as a long-lived aggregate would
     * have been written over time.
     */
    public static void populate(EventStorageEngine engine, UUID id, int events) {
        List<DomainEventMessage<?>> batch = new ArrayList<>(EVENTS_PER_APPEND);
        for (int sequence = 0; sequence < events; sequence++) {
            Object payload = sequence == 0
                    ? new AxonExampleAggregate.Created(id)
                    : new AxonExampleAggregate.ExampleCreated(UUID.randomUUID());
            batch.add(new GenericDomainEventMessage<>(TYPE, id.toString(), sequence, payload));
            if (batch.size() == EVENTS_PER_APPEND || sequence == events - 1) {
                inUnitOfWork(() -> engine.appendEvents(batch));
                batch.clear();
            }
        }
    }

    /**
     * Runs {@code work} in a unit of work of its own and commits it: with a transactional
     * connection provider, the work's statements commit together when the unit of work does.
     */
    public static void inUnitOfWork(Runnable work) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            work.run();
            unitOfWork.commit();
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    /** Loads the aggregate through the repository, replaying all its events; returns its entity count. */
    public int load(UUID id) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            int count = repository.load(id.toString()).invoke(AxonExampleAggregate::countExamples);
            unitOfWork.commit();
            return count;
        } catch (RuntimeException e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e;
        }
    }

    /**
     * Creates a new aggregate and {@code events - 1} entities in it in one unit of work, whose
     * commit appends the {@code events} events in one call to the storage engine.
     */
    public void create(int events) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Aggregate<AxonExampleAggregate> aggregate = repository.newInstance(() -> new AxonExampleAggregate(UUID.randomUUID()));
            for (int i = 1; i < events; i++) {
                aggregate.execute(AxonExampleAggregate::createNewExample);
            }
            unitOfWork.commit();
        } catch (Exception e) {
            if (unitOfWork.isActive()) {
                unitOfWork.rollback(e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** Stops the event store's threads, if it started any. */
    @Override
    public void close() {
        eventStore.shutDown();
    }
}
