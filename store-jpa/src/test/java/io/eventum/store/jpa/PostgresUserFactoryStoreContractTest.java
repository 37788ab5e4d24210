package io.eventum.store.jpa;

import io.eventum.application.store.EventRecord;
import io.eventum.store.tck.HeldAppend;
import io.eventum.store.tck.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.util.List;

/**
 * The whole store contract on PostgreSQL through an application's own EntityManagerFactory, shared
 * by every test (as in a Spring application) and emptied before each. No caller transaction is
 * open, so the store runs its own on EntityManagers of that factory. The assertions are the
 * contract's own, inherited from {@link StoreContract}.
 */
class PostgresUserFactoryStoreContractTest extends StoreContract<JpaEventStore> {

    private static String url;
    private static TestDatabase.UserPersistenceUnit application;

    @BeforeAll
    static void startApplicationFactory() {
        url = TestDatabase.POSTGRESQL.freshUrl();
        application = TestDatabase.POSTGRESQL.userPersistenceUnit(url);
        JpaEventStore.builder().entityManagerFactory(application.factory()).createSchema(true).build().close();
    }

    @AfterAll
    static void closeApplicationFactory() {
        application.close();
    }

    @Override
    protected JpaEventStore createStore() {
        TestDatabase.POSTGRESQL.execute(url, "TRUNCATE eventum_events, eventum_tracking, eventum_snapshots");
        return JpaEventStore.builder().entityManagerFactory(application.factory()).build();
    }

    /** A transaction of the application, on its factory, that has appended and not committed: see {@link HeldJpaAppend}. */
    @Override
    protected HeldAppend holdAppend(List<EventRecord> events) {
        return HeldJpaAppend.onFactory(TestDatabase.POSTGRESQL, url, application.factory(), events);
    }
}
