/**
 * The application of the seed document "Aggregates in DDD" (from the Python eventsourcing
 * library), in idiomatic Java: an aggregate root that owns a cluster of {@link
 * io.eventum.examples.ddd.Example} entities, its events and mutator, and the application service
 * around it. The seed's {@code aggregate.save()} becomes {@code app.save(aggregate)}: the
 * application, not a global publish/subscribe, collects the pending events and appends them in
 * one atomic append.
 */
package io.eventum.examples.ddd;
