package io.eventum.application;

import java.util.UUID;

/**
 * A repository for one aggregate type met a stored event of another type: the id belongs to a
 * different kind of aggregate.
 */
public class AggregateTypeMismatchException extends RuntimeException {

    /**
     * @param aggregateId the id that was loaded
     * @param version the version of the stored event that did not fit
     * @param type the stored event's type name
     * @param expected the aggregate class the repository loads
     */
    public AggregateTypeMismatchException(UUID aggregateId, long version, String type, Class<?> expected) {
        super("aggregate " + aggregateId + " is not a " + expected.getSimpleName() + ": its event at version " + version
                + " has type '" + type + "', which is not an event of " + expected.getName());
    }
}
