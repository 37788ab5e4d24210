package io.eventum.application;

import io.eventum.application.codec.EventTypeRegistry;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.DomainEvent;
import io.eventum.domain.Mutator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A small aggregate for application tests: a named counter that can be incremented and discarded. */
final class Counter extends AggregateRoot<Counter, Counter.Event> {

    sealed interface Event extends DomainEvent permits Created, Incremented, Discarded {
    }

    record Created(UUID originatorId, long originatorVersion, Instant timestamp, String name) implements Event {
    }

    record Incremented(UUID originatorId, long originatorVersion, Instant timestamp, int by, List<String> tags) implements Event {
    }

    record Discarded(UUID originatorId, long originatorVersion, Instant timestamp) implements Event {
    }

    static final EventTypeRegistry EVENT_TYPES = EventTypeRegistry.builder()
            .register("Counter.Created", Created.class)
            .register("Counter.Incremented", Incremented.class)
            .register("Counter.Discarded", Discarded.class)
            .build();

    static final Mutator<Counter, Event> MUTATOR = Counter::mutate;

    private final String name;
    private int value;
    private final List<String> tags = new ArrayList<>();

    private Counter(Created created) {
        super(created);
        this.name = created.name();
    }

    static Counter create(String name) {
        return create(MUTATOR, new Created(UUID.randomUUID(), 1, now(), name));
    }

    static Counter mutate(Counter counter, Event event) {
        if (event instanceof Created created) {
            return new Counter(created);
        } else if (event instanceof Incremented incremented) {
            counter.value += incremented.by();
            counter.tags.addAll(incremented.tags());
            return counter;
        } else if (event instanceof Discarded) {
            return null;
        }
        throw new IllegalArgumentException("unknown event " + event);
    }

    @Override
    protected Mutator<Counter, Event> mutator() {
        return MUTATOR;
    }

    void increment(int by, String... tags) {
        trigger((id, version, at) -> new Incremented(id, version, at, by, List.of(tags)));
    }

    void discard() {
        trigger(Discarded::new);
    }

    String name() {
        return name;
    }

    int value() {
        return value;
    }

    List<String> tags() {
        return tags;
    }
}
