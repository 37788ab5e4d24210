package io.eventum.application.codec;

import io.eventum.domain.DomainEvent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The explicit map between event classes and the stable type names stored with their events.
 *
 * <p>The name, not the class name, is what the store keeps, so a class can be renamed or moved to
 * another package without orphaning its stored events: register the new class under the old name.
 * Only registered classes are ever instantiated on decode; nothing is resolved by reflection from
 * stored data (no {@code Class.forName}, no Jackson default typing).
 *
 * <p>Build one with {@link #builder()}; a built registry is immutable and thread-safe.
 */
public final class EventTypeRegistry {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:$\\-]+");

    private final Map<String, Class<? extends DomainEvent>> classesByName;
    private final Map<Class<? extends DomainEvent>, String> namesByClass;

    private EventTypeRegistry(Map<String, Class<? extends DomainEvent>> classesByName) {
        this.classesByName = Collections.unmodifiableMap(new LinkedHashMap<>(classesByName));
        Map<Class<? extends DomainEvent>, String> names = new LinkedHashMap<>();
        classesByName.forEach((name, type) -> names.put(type, name));
        this.namesByClass = Collections.unmodifiableMap(names);
    }

    /** A builder for a new registry. */
    public static Builder builder() {
        return new Builder();
    }

    /** The type name registered for {@code eventClass}, or {@code null} if it is not registered. */
    public String nameOf(Class<?> eventClass) {
        return namesByClass.get(eventClass);
    }

    /** The class registered under {@code name}, or {@code null} if none is. */
    public Class<? extends DomainEvent> classOf(String name) {
        return classesByName.get(name);
    }

    /** Every registered name and its class, in registration order. */
    public Map<String, Class<? extends DomainEvent>> types() {
        return classesByName;
    }

    /** Collects registrations; not thread-safe. */
    public static final class Builder {

        private final Map<String, Class<? extends DomainEvent>> classesByName = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Registers {@code eventClass} under {@code name}.
         *
         * @param name the stable type name: letters, digits and {@code _ . : $ -}
         * @param eventClass a concrete event class, usually a record
         * @return this builder
         * @throws IllegalArgumentException if the name is malformed or taken, the class is already
         *     registered, or the class is abstract
         */
        public Builder register(String name, Class<? extends DomainEvent> eventClass) {
            Objects.requireNonNull(eventClass, "eventClass");
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("event type name '" + name + "' for " + eventClass.getName()
                        + " must be letters, digits and _ . : $ -");
            }
            if (eventClass.isInterface() || java.lang.reflect.Modifier.isAbstract(eventClass.getModifiers())) {
                throw new IllegalArgumentException("cannot register " + eventClass.getName() + " as event type '" + name
                        + "': it is abstract; register its concrete records");
            }
            Class<? extends DomainEvent> taken = classesByName.get(name);
            if (taken != null) {
                throw new IllegalArgumentException("event type name '" + name + "' is already registered for "
                        + taken.getName() + ", cannot register it for " + eventClass.getName());
            }
            if (classesByName.containsValue(eventClass)) {
                throw new IllegalArgumentException(eventClass.getName() + " is already registered under another name");
            }
            classesByName.put(name, eventClass);
            return this;
        }

        /** The registry, immutable from here on. */
        public EventTypeRegistry build() {
            return new EventTypeRegistry(classesByName);
        }
    }
}
