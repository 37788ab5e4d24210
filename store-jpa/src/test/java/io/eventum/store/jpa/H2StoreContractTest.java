package io.eventum.store.jpa;

import io.eventum.application.store.EventRecord;
import io.eventum.store.tck.HeldAppend;
import io.eventum.store.tck.StoreContract;

import java.util.List;

/**
 * The whole store contract on H2 in memory: a store built from a JDBC URL, a fresh database per test.
 * The assertions are the contract's own, inherited from {@link StoreContract}.
 */
class H2StoreContractTest extends StoreContract<JpaEventStore> {

    private String url;

    @Override
    protected JpaEventStore createStore() {
        url = TestDatabase.H2.freshUrl();
        return TestDatabase.H2.storeWithSchema(url);
    }

    /** A caller's transaction on the same database that has appended and not committed: see {@link HeldJpaAppend}. */
    @Override
    protected HeldAppend holdAppend(List<EventRecord> events) {
        return HeldJpaAppend.onOwnUnit(TestDatabase.H2, url, events);
    }
}
