package io.eventum.application.codec;

import io.eventum.domain.AggregateType;
import io.eventum.domain.StoredType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every class an application stores, with its stable type name, from the {@link AggregateType}s it
 * was built with: each aggregate's event classes and snapshot state class. A codec resolves classes
 * only through this registry, once, when it is built: stored data never names a class to load.
 *
 * <p>Built once per application, it checks what no single descriptor can: that no two aggregate
 * types store data under the same name (or alias), and that a class two aggregates share is stored
 * the same way by both. Immutable and thread-safe.
 */
public final class EventTypeRegistry {

    private final List<AggregateType<?, ?>> aggregateTypes;
    private final Map<String, StoredType> byName;
    private final Map<Class<?>, StoredType> events;
    private final Map<Class<?>, StoredType> states;

    private EventTypeRegistry(List<AggregateType<?, ?>> aggregateTypes, Map<String, StoredType> byName,
                              Map<Class<?>, StoredType> events, Map<Class<?>, StoredType> states) {
        this.aggregateTypes = List.copyOf(aggregateTypes);
        this.byName = Collections.unmodifiableMap(byName);
        this.events = Collections.unmodifiableMap(events);
        this.states = Collections.unmodifiableMap(states);
    }

    /**
     * The registry of these aggregate types.
     *
     * @throws IllegalArgumentException if an aggregate class is given twice, two types share a
     *     name, or two aggregates store one class differently
     */
    public static EventTypeRegistry of(AggregateType<?, ?>... types) {
        return of(List.of(types));
    }

    /**
     * The registry of these aggregate types.
     *
     * @throws IllegalArgumentException as {@link #of(AggregateType[])}
     */
    public static EventTypeRegistry of(Collection<? extends AggregateType<?, ?>> types) {
        Map<Class<?>, AggregateType<?, ?>> aggregates = new LinkedHashMap<>();
        Map<String, StoredType> byName = new LinkedHashMap<>();
        Map<String, Class<?>> nameOwners = new LinkedHashMap<>();
        Map<Class<?>, StoredType> events = new LinkedHashMap<>();
        Map<Class<?>, StoredType> states = new LinkedHashMap<>();
        for (AggregateType<?, ?> type : types) {
            if (aggregates.putIfAbsent(type.aggregateClass(), type) != null) {
                throw new IllegalArgumentException("the aggregate type of " + type.aggregateClass().getName() + " is given twice");
            }
            for (StoredType event : type.eventTypes()) {
                add(event, type, events, byName, nameOwners);
            }
            type.snapshotStateType().ifPresent(state -> add(state, type, states, byName, nameOwners));
        }
        for (Class<?> eventClass : events.keySet()) {
            if (states.containsKey(eventClass)) {
                throw new IllegalArgumentException(eventClass.getName() + " is both an event and a snapshot state");
            }
        }
        return new EventTypeRegistry(new ArrayList<>(aggregates.values()), byName, events, states);
    }

    private static void add(StoredType stored, AggregateType<?, ?> owner, Map<Class<?>, StoredType> byClass,
                            Map<String, StoredType> byName, Map<String, Class<?>> nameOwners) {
        StoredType earlier = byClass.putIfAbsent(stored.type(), stored);
        if (earlier != null) {
            if (!earlier.name().equals(stored.name()) || earlier.version() != stored.version() || !earlier.aliases().equals(stored.aliases())) {
                throw new IllegalArgumentException(stored.type().getName() + " is stored as '" + earlier.name() + "' (version "
                        + earlier.version() + ") by one aggregate and as '" + stored.name() + "' (version " + stored.version()
                        + ") by " + owner.aggregateClass().getName() + ": a shared class must be stored one way");
            }
            return;
        }
        List<String> names = new ArrayList<>();
        names.add(stored.name());
        names.addAll(stored.aliases());
        for (String name : names) {
            Class<?> taken = nameOwners.putIfAbsent(name, stored.type());
            if (taken != null) {
                throw new IllegalArgumentException("the type name '" + name + "' is taken by both " + taken.getName() + " and "
                        + stored.type().getName() + " (of " + owner.aggregateClass().getName() + "): name one of them");
            }
            byName.put(name, stored);
        }
    }

    /** The aggregate types this registry was built from, in the order given. */
    public List<AggregateType<?, ?>> aggregateTypes() {
        return aggregateTypes;
    }

    /** How events of {@code eventClass} are stored, or {@code null} if it is not a registered event class. */
    public StoredType eventType(Class<?> eventClass) {
        return events.get(eventClass);
    }

    /** How snapshot states of {@code stateClass} are stored, or {@code null} if it is not a registered state class. */
    public StoredType stateType(Class<?> stateClass) {
        return states.get(stateClass);
    }

    /** The type stored under {@code name} (a current name or an alias, without version), or {@code null}. */
    public StoredType named(String name) {
        return byName.get(name);
    }

    /** Whether {@code type} is one of the registered event types (otherwise it is a snapshot state). */
    public boolean isEvent(StoredType type) {
        return events.get(type.type()) == type;
    }

    /** Every registered event type, once each. */
    public Collection<StoredType> eventTypes() {
        return events.values();
    }

    /** Every name data may be stored under, without versions: current names and aliases. */
    public Set<String> names() {
        return byName.keySet();
    }

    /**
     * Every stored type string the events of {@code aggregateType} can carry, all schema versions and
     * aliases included: what a store's type filter needs to find them.
     */
    public static Set<String> storedNamesOf(AggregateType<?, ?> aggregateType) {
        Set<String> stored = new LinkedHashSet<>();
        for (StoredType type : aggregateType.eventTypes()) {
            stored.addAll(storedNames(type));
        }
        return stored;
    }

    /** Every stored type string of one type: its name and aliases at every schema version. */
    public static Set<String> storedNames(StoredType type) {
        Set<String> stored = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        names.add(type.name());
        names.addAll(type.aliases());
        for (String name : names) {
            for (int version = 1; version <= type.version(); version++) {
                stored.add(StoredTypeName.of(name, version));
            }
        }
        return stored;
    }
}
