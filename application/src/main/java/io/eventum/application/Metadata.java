package io.eventum.application;

import io.eventum.domain.EventEnvelope;

import java.util.HashMap;
import java.util.Map;

/**
 * The metadata keys Eventum itself fills, and how an event's reaction inherits them. A save may
 * carry any string map as metadata (a user id, a tenant, a request id); it is stored with every
 * event of the save and handed to projections in each event's envelope.
 *
 * <p>Events have no ids of their own: an event is identified by its aggregate id and version,
 * written {@code "<aggregate id>:<version>"} in these keys.
 */
public final class Metadata {

    /** The id of the event that started the chain of reactions this event belongs to. */
    public static final String CORRELATION_ID = "correlationId";

    /** The id of the event this event is a direct reaction to. */
    public static final String CAUSATION_ID = "causationId";

    private Metadata() {
    }

    /** An event's id, {@code "<aggregate id>:<version>"}. */
    public static String eventId(EventEnvelope<?> event) {
        return event.aggregateId() + ":" + event.version();
    }

    /**
     * The metadata of a reaction to {@code cause}: its causation id is the cause's id; its correlation
     * id is the cause's correlation id, or the cause's own id if the cause started the chain. Process
     * applications save their reactions with this.
     */
    public static Map<String, String> causedBy(EventEnvelope<?> cause) {
        Map<String, String> metadata = new HashMap<>(2);
        String causeId = eventId(cause);
        metadata.put(CORRELATION_ID, cause.metadata().getOrDefault(CORRELATION_ID, causeId));
        metadata.put(CAUSATION_ID, causeId);
        return Map.copyOf(metadata);
    }
}
