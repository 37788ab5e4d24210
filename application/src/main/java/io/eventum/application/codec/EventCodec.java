package io.eventum.application.codec;

import io.eventum.application.store.EventRecord;
import io.eventum.application.store.StoredEvent;
import io.eventum.domain.DomainEvent;

import java.util.Map;

/**
 * Turns domain events into serialized {@link EventRecord}s and stored events back into domain
 * events. Implementations map event classes to stable type names through an explicit
 * {@link EventTypeRegistry}, so that renaming a class never orphans its stored events. They are
 * thread-safe.
 */
public interface EventCodec {

    /**
     * Serializes one event with the given metadata.
     *
     * @throws EventEncodingException if the event's class is not registered or cannot be serialized
     */
    EventRecord encode(DomainEvent event, Map<String, String> metadata);

    /**
     * Serializes one event without metadata.
     *
     * @throws EventEncodingException if the event's class is not registered or cannot be serialized
     */
    default EventRecord encode(DomainEvent event) {
        return encode(event, Map.of());
    }

    /**
     * Rebuilds the domain event a stored event was encoded from.
     *
     * @throws EventDecodingException naming the aggregate id, version and type if the type name is
     *     not registered or the payload does not decode
     */
    DomainEvent decode(StoredEvent event);
}
