package io.eventum.domain;

/** A test aggregate: a light that is installed, switched on and off, and removed. */
final class Light extends AggregateRoot<Light, Light.Event> {

    sealed interface Event permits Installed, Switched, Removed {
    }

    record Installed(String room) implements Event {
    }

    record Switched(boolean on) implements Event {
    }

    record Removed() implements Event {
    }

    /** The snapshot state some tests give lights. */
    record State(String room, boolean on) {
        Light restore() {
            Light light = new Light(room);
            light.on = on;
            return light;
        }
    }

    static final AggregateType<Light, Event> TYPE = AggregateType.builder(Light.class, Event.class)
            .mutator(Light::mutate)
            .discardedBy(Removed.class)
            .build();

    static Light mutate(Light light, Event event) {
        if (event instanceof Installed installed) {
            return new Light(installed.room());
        } else if (event instanceof Switched switched) {
            light.on = switched.on();
            return light;
        } else if (event instanceof Removed) {
            return null;
        }
        throw new IllegalArgumentException(String.valueOf(event));
    }

    private final String room;
    private boolean on;

    Light(String room) {
        this.room = room;
    }

    static Light install(String room) {
        return TYPE.create(new Installed(room));
    }

    void switchOn() {
        apply(new Switched(true));
    }

    void switchOff() {
        apply(new Switched(false));
    }

    void remove() {
        apply(new Removed());
    }

    boolean isOn() {
        return on;
    }

    String room() {
        return room;
    }
}
