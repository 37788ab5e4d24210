/**
 * The ports a store adapter implements, and the serialized records they exchange.
 *
 * <p>Adapters never see domain classes: they store {@link io.eventum.application.store.EventRecord}s
 * (aggregate id, version, type name, JSON payload, metadata, timestamp) and read back
 * {@link io.eventum.application.store.StoredEvent}s, which add the global position. Every adapter
 * keeps the guarantees stated on {@link io.eventum.application.store.EventStore} and
 * {@link io.eventum.application.store.SnapshotStore}; the contract suite in {@code eventum-store-tck}
 * is their executable specification.
 */
package io.eventum.application.store;
