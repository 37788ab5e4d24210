package io.eventum.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How one class is stored: under a stable type name, at a schema version, with the older names it
 * was stored under and the upcasters that lift older versions to the current one. An
 * {@link AggregateType} describes each of its event classes, and its snapshot state class, with one.
 *
 * <p>The name, not the class name, is what a store keeps, so a class can be renamed or moved to
 * another package without orphaning its stored data. By default the name is the class's name within
 * its package, nested classes joined by dots ({@code Dog.TrickAdded} for the record {@code TrickAdded}
 * nested in {@code Dog}); {@link AggregateType.Builder#name} overrides it.
 *
 * @param type the class stored data decodes to
 * @param name the stable type name, without version: letters, digits and {@code _ . : $ -}
 * @param version the current schema version; 1 for a type that never changed
 * @param aliases older names data of this type may be stored under
 * @param upcasters by the version they upcast from: the upcaster at key {@code n} turns version
 *     {@code n} into {@code n + 1}
 */
public record StoredType(Class<?> type, String name, int version, List<String> aliases, Map<Integer, Upcaster> upcasters) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:$\\-]+");

    /**
     * Checks the values and copies the collections.
     *
     * @throws IllegalArgumentException if a name is malformed or the version is below 1
     */
    public StoredType {
        Objects.requireNonNull(type, "type");
        requireWellFormed(name, type);
        aliases = List.copyOf(aliases);
        for (String alias : aliases) {
            requireWellFormed(alias, type);
        }
        if (version < 1) {
            throw new IllegalArgumentException("type '" + name + "' (" + type.getName() + "): schema versions start at 1, was " + version);
        }
        upcasters = Map.copyOf(new TreeMap<>(upcasters));
    }

    /** The name a class is stored under unless one is given: its name within its package, nested classes joined by dots. */
    public static String defaultName(Class<?> type) {
        String packageName = type.getPackageName();
        String binary = type.getName();
        return (packageName.isEmpty() ? binary : binary.substring(packageName.length() + 1)).replace('$', '.');
    }

    /** The upcaster from {@code fromVersion} to the next version, if there is one. */
    public Optional<Upcaster> upcasterFrom(int fromVersion) {
        return Optional.ofNullable(upcasters.get(fromVersion));
    }

    static void requireWellFormed(String name, Class<?> type) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("type name '" + name + "' for " + type.getName()
                    + " must be letters, digits and _ . : $ - (no spaces, no '@')");
        }
    }
}
