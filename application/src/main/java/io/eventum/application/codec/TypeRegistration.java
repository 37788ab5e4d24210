package io.eventum.application.codec;

import java.util.Map;
import java.util.Optional;

/**
 * One registered type: its stable name, its class, its current schema version and the upcasters
 * that lift older stored versions to the current one.
 *
 * @param name the stable type name, without version
 * @param type the class stored data decodes to
 * @param version the current schema version; 1 for a type that never changed
 * @param upcasters by the version they upcast from: the upcaster at key {@code n} turns version
 *     {@code n} into {@code n + 1}
 * @param event whether this is a domain event type (otherwise a snapshot state type)
 */
public record TypeRegistration(String name, Class<?> type, int version, Map<Integer, Upcaster> upcasters, boolean event) {

    /** Copies the upcaster map. */
    public TypeRegistration {
        upcasters = Map.copyOf(upcasters);
    }

    /** The name stored with data of {@code schemaVersion}: see {@link StoredTypeName}. */
    public String storedName(int schemaVersion) {
        return StoredTypeName.of(name, schemaVersion);
    }

    /** The name stored with data at the current version. */
    public String storedName() {
        return storedName(version);
    }

    /** The upcaster from {@code fromVersion} to the next version, if registered. */
    public Optional<Upcaster> upcasterFrom(int fromVersion) {
        return Optional.ofNullable(upcasters.get(fromVersion));
    }
}
