/**
 * Following the notification log: a {@link io.eventum.application.projection.ProjectionRunner}
 * catches a {@link io.eventum.application.projection.Projection} up from where it left off, then
 * delivers new events as they are stored, exactly once if the projection records its position
 * atomically with its writes.
 */
package io.eventum.application.projection;
