package io.eventum.examples.ddd;

import java.util.UUID;

/**
 * An "example" entity: it exists only inside the boundary of an {@link ExampleAggregateRoot}, and
 * only the root creates it. Outside code may look at it through the root, never change it.
 */
public final class Example {

    private final UUID id;

    Example(UUID id) {
        this.id = id;
    }

    /** This entity's id, unique within its aggregate. */
    public UUID id() {
        return id;
    }

    @Override
    public String toString() {
        return "Example[" + id + "]";
    }
}
