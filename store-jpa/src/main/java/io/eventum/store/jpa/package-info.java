/**
 * The JPA event store: {@link io.eventum.store.jpa.JpaEventStore}, an event and snapshot store on
 * Jakarta Persistence 3.2 and Hibernate 7, for PostgreSQL and H2, configured through
 * {@link io.eventum.store.jpa.JpaEventStoreBuilder}. Every other type here is package-private: the
 * store's row model, SQL and transaction handling are not API.
 */
package io.eventum.store.jpa;
