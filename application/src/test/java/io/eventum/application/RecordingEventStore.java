package io.eventum.application;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.ConcurrencyConflictException;
import io.eventum.application.store.EventBatches;
import io.eventum.application.store.EventRecord;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.GlobalQuery;
import io.eventum.application.store.StoredEvent;
import io.eventum.application.store.Tracking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A minimal, single-threaded event store for the application module's own tests (the application
 * module cannot depend on a store module). It records each append, so tests can see how many
 * appends a save made, and can be told to fail the next append.
 */
final class RecordingEventStore implements EventStore {

    final List<List<EventRecord>> appends = new ArrayList<>();
    final List<AggregateQuery> reads = new ArrayList<>();
    private final List<StoredEvent> events = new ArrayList<>();
    private RuntimeException nextFailure;
    boolean closed;

    void failNextAppendWith(RuntimeException failure) {
        nextFailure = failure;
    }

    @Override
    public List<Long> append(List<EventRecord> batch, Tracking tracking) {
        EventBatches.requireValid(batch, tracking);
        if (nextFailure != null) {
            RuntimeException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
        for (EventRecord record : batch) {
            if (events.stream().anyMatch(e -> e.aggregateId().equals(record.aggregateId()) && e.version() == record.version())) {
                throw new ConcurrencyConflictException(record.aggregateId(), record.version(), null);
            }
        }
        appends.add(List.copyOf(batch));
        List<Long> positions = new ArrayList<>();
        for (EventRecord record : batch) {
            StoredEvent stored = record.at(events.size() + 1L);
            events.add(stored);
            positions.add(stored.position());
        }
        return positions;
    }

    @Override
    public void read(UUID aggregateId, AggregateQuery query, Consumer<? super StoredEvent> action) {
        reads.add(query);
        events.stream()
                .filter(e -> e.aggregateId().equals(aggregateId) && query.includes(e.version()))
                .sorted(query.descending() ? Comparator.comparingLong(StoredEvent::version).reversed()
                        : Comparator.comparingLong(StoredEvent::version))
                .limit(query.limit())
                .forEach(action);
    }

    @Override
    public List<StoredEvent> readAll(GlobalQuery query) {
        return events.stream().filter(query::matches).limit(query.limit()).toList();
    }

    @Override
    public long lastPosition() {
        return events.size();
    }

    @Override
    public long trackedPosition(String follower) {
        return 0;
    }

    @Override
    public void close() {
        closed = true;
    }
}
