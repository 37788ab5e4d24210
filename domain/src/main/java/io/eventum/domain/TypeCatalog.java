package io.eventum.domain;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collects an aggregate type's stored names while its descriptor is built, and checks them: every
 * event class permitted by the sealed event interface is named, no name is used twice, every
 * override refers to a class the aggregate stores, and every event's upcaster chain is complete.
 * So a forgotten or clashing type fails when the descriptor is built, not at the first save.
 */
final class TypeCatalog {

    private final Class<?> aggregateClass;
    private final Map<Class<?>, String> names = new HashMap<>();
    private final Map<Class<?>, List<String>> aliases = new HashMap<>();
    private final Map<Class<?>, Integer> versions = new HashMap<>();
    private final Map<Class<?>, Map<Integer, Upcaster>> upcasters = new HashMap<>();

    TypeCatalog(Class<?> aggregateClass) {
        this.aggregateClass = aggregateClass;
    }

    void name(Class<?> type, String name) {
        StoredType.requireWellFormed(name, type);
        if (names.putIfAbsent(type, name) != null) {
            throw new IllegalArgumentException(what(type) + " is already named '" + names.get(type) + "'; name it once");
        }
    }

    void alias(Class<?> type, String oldName) {
        StoredType.requireWellFormed(oldName, type);
        aliases.computeIfAbsent(type, t -> new ArrayList<>()).add(oldName);
    }

    void version(Class<?> type, int version) {
        if (version < 1) {
            throw new IllegalArgumentException(what(type) + ": schema versions start at 1, was " + version);
        }
        if (versions.putIfAbsent(type, version) != null) {
            throw new IllegalArgumentException(what(type) + " already has schema version " + versions.get(type) + "; give it once");
        }
    }

    void upcaster(Class<?> type, int fromVersion, Upcaster upcaster) {
        if (upcaster == null) {
            throw new NullPointerException("upcaster of " + type.getName() + " from version " + fromVersion);
        }
        if (upcasters.computeIfAbsent(type, t -> new TreeMap<>()).putIfAbsent(fromVersion, upcaster) != null) {
            throw new IllegalArgumentException(what(type) + " already has an upcaster from version " + fromVersion);
        }
    }

    /**
     * The stored types of the events permitted by {@code eventType} and of the snapshot state.
     *
     * @param stateClass the snapshot state class, or null
     * @return the event types in the order the sealed hierarchy permits them, then the state type if any
     * @throws IllegalArgumentException naming the first problem found
     */
    List<StoredType> build(Class<?> eventType, Class<?> stateClass) {
        List<Class<?>> events = concreteEvents(eventType);
        Set<Class<?>> known = new LinkedHashSet<>(events);
        if (stateClass != null) {
            if (known.contains(stateClass)) {
                throw new IllegalArgumentException(what(stateClass) + " is one of its events; a snapshot state needs a class of its own");
            }
            requireConcrete(stateClass, "snapshot state");
            known.add(stateClass);
        }
        for (Map<Class<?>, ?> overrides : List.of(names, aliases, versions, upcasters)) {
            for (Class<?> type : overrides.keySet()) {
                if (!known.contains(type)) {
                    throw new IllegalArgumentException(type.getName() + " is named, aliased or versioned in the type of "
                            + aggregateClass.getName() + ", but it is neither one of its events (" + eventType.getName()
                            + " does not permit it) nor its snapshot state");
                }
            }
        }
        List<StoredType> stored = new ArrayList<>();
        Map<String, Class<?>> taken = new LinkedHashMap<>();
        for (Class<?> type : known) {
            StoredType storedType = storedType(type, type != stateClass);
            for (String name : names(storedType)) {
                Class<?> other = taken.putIfAbsent(name, type);
                if (other != null) {
                    throw new IllegalArgumentException("the type name '" + name + "' is given to both " + other.getName()
                            + " and " + type.getName() + " in the type of " + aggregateClass.getName() + "; name one of them");
                }
            }
            stored.add(storedType);
        }
        return stored;
    }

    private StoredType storedType(Class<?> type, boolean event) {
        int version = versions.getOrDefault(type, 1);
        Map<Integer, Upcaster> steps = upcasters.getOrDefault(type, Map.of());
        for (int from : steps.keySet()) {
            if (from < 1 || from >= version) {
                throw new IllegalArgumentException(what(type) + " is at schema version " + version
                        + ": an upcaster from version " + from + " has nothing to do");
            }
        }
        if (event) {
            // A stored event must always load; a snapshot may go stale (the load replays the events instead).
            for (int from = 1; from < version; from++) {
                if (!steps.containsKey(from)) {
                    throw new IllegalArgumentException(what(type) + " is at schema version " + version + " but has no upcaster from version "
                            + from + " to " + (from + 1) + ": events stored at version " + from + " could never load");
                }
            }
        }
        return new StoredType(type, names.getOrDefault(type, StoredType.defaultName(type)), version,
                aliases.getOrDefault(type, List.of()), steps);
    }

    private static List<String> names(StoredType type) {
        List<String> all = new ArrayList<>();
        all.add(type.name());
        all.addAll(type.aliases());
        return all;
    }

    /** The concrete classes a sealed event type permits, recursively, in declaration order. */
    private List<Class<?>> concreteEvents(Class<?> eventType) {
        if (!eventType.isSealed()) {
            throw new IllegalArgumentException("the event type " + eventType.getName() + " of " + aggregateClass.getName()
                    + " must be a sealed interface (or sealed class) that permits the aggregate's event records,"
                    + " so that every event can be named when the AggregateType is built");
        }
        List<Class<?>> events = new ArrayList<>();
        collect(eventType, events);
        return events;
    }

    private void collect(Class<?> sealed, List<Class<?>> events) {
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                collect(permitted, events);
            } else {
                requireConcrete(permitted, "event");
                if (!Modifier.isFinal(permitted.getModifiers())) {
                    throw new IllegalArgumentException("the event class " + permitted.getName() + " of " + aggregateClass.getName()
                            + " is not final, so its subclasses could not be named: make it a record, final, or sealed");
                }
                if (!events.contains(permitted)) {
                    events.add(permitted);
                }
            }
        }
    }

    private void requireConcrete(Class<?> type, String role) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("the " + role + " class " + type.getName() + " of " + aggregateClass.getName()
                    + " is abstract but not sealed, so its implementations could not be named: make it sealed, or a record");
        }
    }

    private String what(Class<?> type) {
        return type.getName() + " (in the type of " + aggregateClass.getSimpleName() + ")";
    }
}
