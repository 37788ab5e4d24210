package io.eventum.domain;

import java.time.Instant;
import java.util.UUID;

/** A test aggregate: a light that is installed, switched on and off, and removed. */
final class Light extends AggregateRoot<Light, Light.Event> {

    sealed interface Event extends DomainEvent permits Installed, Switched, Removed {
    }

    record Installed(UUID originatorId, long originatorVersion, Instant timestamp, String room) implements Event {
    }

    record Switched(UUID originatorId, long originatorVersion, Instant timestamp, boolean on) implements Event {
    }

    record Removed(UUID originatorId, long originatorVersion, Instant timestamp) implements Event {
    }

    static final Mutator<Light, Event> MUTATOR = (light, event) -> {
        if (event instanceof Installed installed) {
            return new Light(installed);
        } else if (event instanceof Switched switched) {
            light.on = switched.on();
            return light;
        } else if (event instanceof Removed) {
            return null;
        }
        throw new IllegalArgumentException(String.valueOf(event));
    };

    private final String room;
    private boolean on;

    private Light(Installed installed) {
        super(installed);
        this.room = installed.room();
    }

    static Light install(String room) {
        return create(MUTATOR, new Installed(UUID.randomUUID(), 1, now(), room));
    }

    @Override
    protected Mutator<Light, Event> mutator() {
        return MUTATOR;
    }

    void switchOn() {
        trigger((id, version, at) -> new Switched(id, version, at, true));
    }

    void switchOff() {
        trigger((id, version, at) -> new Switched(id, version, at, false));
    }

    void remove() {
        trigger(Removed::new);
    }

    /** Triggers an event built by the caller, to test the checks on hand-made events. */
    void apply(Event event) {
        trigger(event);
    }

    boolean isOn() {
        return on;
    }

    String room() {
        return room;
    }
}
