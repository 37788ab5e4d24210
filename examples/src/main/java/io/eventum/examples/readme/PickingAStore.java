package io.eventum.examples.readme;

import io.eventum.application.store.EventStore;
import io.eventum.store.inmemory.InMemoryEventStore;
import io.eventum.store.jpa.JpaEventStore;
import io.eventum.store.mongo.MongoEventStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

/**
 * The README's "Picking a store" lines, compiled by the build so that they cannot rot. Each method
 * opens one kind of store; the README shows the lines between the tags.
 */
public final class PickingAStore {

    private PickingAStore() {
    }

    static EventStore inMemory() {
        // tag::stores[]
        EventStore store = new InMemoryEventStore();
        // end::stores[]
        return store;
    }

    static EventStore postgres() {
        // tag::stores[]
        EventStore store = JpaEventStore.builder()                  // its own HikariCP pool and EntityManagerFactory
                .jdbcUrl("jdbc:postgresql://localhost/shop", "shop", "secret")
                .createSchema(true)                                 // opt-in; in production, run the shipped DDL yourself
                .build();
        // end::stores[]
        return store;
    }

    static EventStore joiningYourTransactions(EntityManagerFactory emf, EntityManager entityManager) {
        // tag::stores[]
        EventStore store = JpaEventStore.builder()                  // or on your EntityManagerFactory, joining your transactions
                .entityManagerFactory(emf).currentEntityManager(() -> entityManager).build();
        // end::stores[]
        return store;
    }

    static EventStore mongo() {
        // tag::stores[]
        EventStore store = MongoEventStore.builder()                // one document per append: atomic without transactions
                .connectionString("mongodb://db1,db2,db3/shop?replicaSet=rs0&w=majority").build();
        // end::stores[]
        return store;
    }
}
