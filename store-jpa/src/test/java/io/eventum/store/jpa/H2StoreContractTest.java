package io.eventum.store.jpa;

import io.eventum.store.tck.StoreContract;

/** The whole store contract on H2 in memory: a store built from a JDBC URL, a fresh database per test. */
class H2StoreContractTest extends StoreContract<JpaEventStore> {

    @Override
    protected JpaEventStore createStore() {
        return TestDatabase.H2.storeWithSchema(TestDatabase.H2.freshUrl());
    }
}
