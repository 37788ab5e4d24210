/**
 * The domain model of an event-sourced application: aggregates, their events and the mutator that
 * rebuilds an aggregate from its events.
 *
 * <p>Evans defines an aggregate as "a cluster of associated objects that we treat as a unit for
 * the purpose of data changes", with a root entity through which all access passes. In Eventum
 * the root extends {@link io.eventum.domain.AggregateRoot}; each change is an event, a plain record
 * of domain data, carried with its header (aggregate id, version, timestamp, metadata) in an
 * {@link io.eventum.domain.EventEnvelope}; and a {@link io.eventum.domain.Mutator} function applies
 * events to state. The same mutator applies live commands and replays stored history, so there is
 * one source of truth for how state follows from events. One
 * {@link io.eventum.domain.AggregateType} per aggregate names all of this once.
 *
 * <p>This package depends on {@code java.base} only.
 */
package io.eventum.domain;
