package io.eventum.store.jpa;

import io.eventum.application.store.EventRecord;
import io.eventum.store.tck.HeldAppend;
import io.eventum.store.tck.StoreContract;

import java.util.List;

/**
 * The whole store contract on a real PostgreSQL, started once per JVM: a store built from a JDBC
 * URL, a fresh schema per test. The assertions are the contract's own, inherited from
 * {@link StoreContract}.
 */
class PostgresStoreContractTest extends StoreContract<JpaEventStore> {

    private String url;

    @Override
    protected JpaEventStore createStore() {
        url = TestDatabase.POSTGRESQL.freshUrl();
        return TestDatabase.POSTGRESQL.storeWithSchema(url);
    }

    /** A caller's transaction on the same database that has appended and not committed: see {@link HeldJpaAppend}. */
    @Override
    protected HeldAppend holdAppend(List<EventRecord> events) {
        return HeldJpaAppend.onOwnUnit(TestDatabase.POSTGRESQL, url, events);
    }
}
