package io.eventum.application.codec;

import java.util.UUID;

/**
 * An event could not be serialized: its class is not registered, or its fields do not serialize. An
 * {@link IllegalArgumentException}, as every refusal of a save is: nothing was stored.
 */
public class EventEncodingException extends IllegalArgumentException {

    /**
     * @param aggregateId the event's aggregate
     * @param version the event's version
     * @param eventClass the event's class
     * @param problem what went wrong
     * @param cause the underlying error, or null
     */
    public EventEncodingException(UUID aggregateId, long version, Class<?> eventClass, String problem, Throwable cause) {
        super("cannot encode event " + eventClass.getName() + " of aggregate " + aggregateId + " version " + version
                + ": " + problem, cause);
    }
}
