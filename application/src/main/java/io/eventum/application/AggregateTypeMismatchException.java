package io.eventum.application;

import java.util.UUID;

/**
 * A repository for one aggregate type loaded a stored event of another type: the id belongs to a
 * different kind of aggregate.
 */
public class AggregateTypeMismatchException extends RuntimeException {

    /**
     * @param aggregateId the id that was loaded
     * @param version the version of the stored event that did not fit
     * @param type the stored event's type name
     * @param eventClass the class the event decoded to
     * @param expected the event type the repository's aggregate accepts
     */
    public AggregateTypeMismatchException(UUID aggregateId, long version, String type, Class<?> eventClass, Class<?> expected) {
        super("aggregate " + aggregateId + " is not the kind this repository loads: its event at version " + version
                + " has type '" + type + "' (" + eventClass.getName() + "), which is not a " + expected.getName());
    }
}
