package io.eventum.application.codec;

import io.eventum.domain.DomainEvent;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The explicit map between classes and the stable type names stored with their data: domain
 * event types, and the state types of snapshots.
 *
 * <p>The name, not the class name, is what the store keeps, so a class can be renamed or moved to
 * another package without orphaning its stored data: register the new class under the old name. A
 * name itself can be changed too: {@link Builder#alias alias} the old one. Only registered classes
 * are ever instantiated on decode; nothing is resolved by reflection from stored data (no
 * {@code Class.forName}, no Jackson default typing).
 *
 * <p>Each type has a schema version (1 unless given). Stored data of an older version is lifted to
 * the current one by a chain of {@link Upcaster}s, one per step; data at the current version skips
 * them entirely.
 *
 * <pre>{@code
 * EventTypeRegistry.builder()
 *     .register("Account.Opened", Opened.class, 3)
 *     .upcaster("Account.Opened", 1, json -> { json.put("currency", "EUR"); return json; })
 *     .upcaster("Account.Opened", 2, json -> { json.put("owner", json.remove("name")); return json; })
 *     .register("Account.Deposited", Deposited.class)
 *     .registerState("Account.State", Account.State.class)
 *     .build();
 * }</pre>
 *
 * <p>A built registry is immutable and thread-safe.
 */
public final class EventTypeRegistry {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:$\\-]+");

    private final Map<String, TypeRegistration> byName;
    private final Map<Class<?>, TypeRegistration> byClass;

    private EventTypeRegistry(Map<String, TypeRegistration> byName, Map<Class<?>, TypeRegistration> byClass) {
        this.byName = Collections.unmodifiableMap(byName);
        this.byClass = Collections.unmodifiableMap(byClass);
    }

    /** A builder for a new registry. */
    public static Builder builder() {
        return new Builder();
    }

    /** The registration of {@code type}, or {@code null} if it is not registered. */
    public TypeRegistration registrationOf(Class<?> type) {
        return byClass.get(type);
    }

    /** The registration under {@code name} (a current name or an alias), or {@code null}. */
    public TypeRegistration registrationNamed(String name) {
        return byName.get(name);
    }

    /** The stored type name of {@code eventClass} at its current version, or {@code null} if not registered. */
    public String nameOf(Class<?> eventClass) {
        TypeRegistration registration = byClass.get(eventClass);
        return registration == null ? null : registration.storedName();
    }

    /** Every registration, once each, in registration order. */
    public Collection<TypeRegistration> registrations() {
        return byClass.values();
    }

    /** Every name data may be stored under: current names and aliases. */
    public Set<String> names() {
        return byName.keySet();
    }

    /**
     * Every stored type string the events of {@code names} can carry, all schema versions and
     * aliases included: what a store's type filter needs to find them.
     *
     * @throws IllegalArgumentException if a name is not registered
     */
    public Set<String> storedNamesOf(Collection<String> names) {
        Set<String> stored = new java.util.LinkedHashSet<>();
        for (String name : names) {
            TypeRegistration registration = byName.get(name);
            if (registration == null) {
                throw new IllegalArgumentException("no type is registered under the name '" + name + "'");
            }
            byName.forEach((storedName, candidate) -> {
                if (candidate == registration) {
                    for (int version = 1; version <= registration.version(); version++) {
                        stored.add(StoredTypeName.of(storedName, version));
                    }
                }
            });
        }
        return stored;
    }

    /** Collects registrations; not thread-safe. */
    public static final class Builder {

        private final Map<String, Class<?>> classesByName = new LinkedHashMap<>();
        private final Map<Class<?>, String> namesByClass = new LinkedHashMap<>();
        private final Map<String, Integer> versions = new HashMap<>();
        private final Map<String, Boolean> isEvent = new HashMap<>();
        private final Map<String, Map<Integer, Upcaster>> upcasters = new HashMap<>();
        private final Map<String, String> aliases = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Registers an event class under {@code name}, at schema version 1.
         *
         * @throws IllegalArgumentException if the name is malformed or taken, the class is already
         *     registered, or the class is abstract
         */
        public Builder register(String name, Class<? extends DomainEvent> eventClass) {
            return register(name, eventClass, 1);
        }

        /**
         * Registers an event class under {@code name}, at schema version {@code version}; register
         * an {@link #upcaster} for each older version that may be stored.
         *
         * @throws IllegalArgumentException if the name is malformed or taken, the class is already
         *     registered or abstract, or the version is below 1
         */
        public Builder register(String name, Class<? extends DomainEvent> eventClass, int version) {
            return add(name, eventClass, version, true);
        }

        /** Registers the state class of an aggregate's snapshots under {@code name}, at version 1. */
        public Builder registerState(String name, Class<?> stateClass) {
            return registerState(name, stateClass, 1);
        }

        /**
         * Registers the state class of an aggregate's snapshots under {@code name}, at schema
         * version {@code version}. A stored snapshot of an older version is upcast if upcasters
         * cover every step, and otherwise ignored (the load replays events instead).
         */
        public Builder registerState(String name, Class<?> stateClass, int version) {
            return add(name, stateClass, version, false);
        }

        /**
         * Registers the upcaster that turns stored data of type {@code name} at {@code fromVersion}
         * into {@code fromVersion + 1}.
         *
         * @throws IllegalArgumentException if {@code name} is not registered yet, the step is not
         *     below the registered version, or it already has an upcaster
         */
        public Builder upcaster(String name, int fromVersion, Upcaster upcaster) {
            Objects.requireNonNull(upcaster, "upcaster");
            Integer version = versions.get(name);
            if (version == null) {
                throw new IllegalArgumentException("register type '" + name + "' before its upcasters");
            }
            if (fromVersion < 1 || fromVersion >= version) {
                throw new IllegalArgumentException("type '" + name + "' is at version " + version
                        + ": an upcaster from version " + fromVersion + " has nothing to do");
            }
            if (upcasters.computeIfAbsent(name, n -> new TreeMap<>()).putIfAbsent(fromVersion, upcaster) != null) {
                throw new IllegalArgumentException("type '" + name + "' already has an upcaster from version " + fromVersion);
            }
            return this;
        }

        /**
         * Lets data stored under {@code oldName} decode as the type now registered under
         * {@code currentName}, with the same schema versions: for renaming a type name.
         *
         * @throws IllegalArgumentException if {@code currentName} is not registered or {@code oldName} is taken
         */
        public Builder alias(String oldName, String currentName) {
            requireWellFormed(oldName, "alias");
            if (!classesByName.containsKey(currentName)) {
                throw new IllegalArgumentException("cannot alias '" + oldName + "' to '" + currentName + "': it is not registered");
            }
            if (classesByName.containsKey(oldName) || aliases.containsKey(oldName)) {
                throw new IllegalArgumentException("the name '" + oldName + "' is already registered");
            }
            aliases.put(oldName, currentName);
            return this;
        }

        private Builder add(String name, Class<?> type, int version, boolean event) {
            Objects.requireNonNull(type, "type");
            requireWellFormed(name, type.getName());
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                throw new IllegalArgumentException("cannot register " + type.getName() + " as type '" + name
                        + "': it is abstract; register its concrete records");
            }
            if (version < 1) {
                throw new IllegalArgumentException("type '" + name + "' (" + type.getName() + "): schema versions start at 1, was " + version);
            }
            Class<?> taken = classesByName.get(name);
            if (taken != null || aliases.containsKey(name)) {
                throw new IllegalArgumentException("the type name '" + name + "' is already registered"
                        + (taken == null ? " as an alias" : " for " + taken.getName()) + ", cannot register it for " + type.getName());
            }
            if (namesByClass.containsKey(type)) {
                throw new IllegalArgumentException(type.getName() + " is already registered under the name '" + namesByClass.get(type) + "'");
            }
            classesByName.put(name, type);
            namesByClass.put(type, name);
            versions.put(name, version);
            isEvent.put(name, event);
            return this;
        }

        private static void requireWellFormed(String name, String what) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("type name '" + name + "' for " + what + " must be letters, digits and _ . : $ -");
            }
        }

        /** The registry, immutable from here on. */
        public EventTypeRegistry build() {
            Map<String, TypeRegistration> byName = new LinkedHashMap<>();
            Map<Class<?>, TypeRegistration> byClass = new LinkedHashMap<>();
            List<String> names = new ArrayList<>(classesByName.keySet());
            for (String name : names) {
                TypeRegistration registration = new TypeRegistration(name, classesByName.get(name), versions.get(name),
                        upcasters.getOrDefault(name, Map.of()), isEvent.get(name));
                byName.put(name, registration);
                byClass.put(registration.type(), registration);
            }
            aliases.forEach((oldName, currentName) -> byName.put(oldName, byName.get(currentName)));
            return new EventTypeRegistry(byName, byClass);
        }
    }
}
