package io.eventum.store.jpa;

import io.eventum.store.tck.StoreContract;

/**
 * The whole store contract on H2 in memory: a store built from a JDBC URL, a fresh database per test.
 * The assertions are the contract's own, inherited from {@link StoreContract}.
 */
class H2StoreContractTest extends StoreContract<JpaEventStore> {

    @Override
    protected JpaEventStore createStore() {
        return TestDatabase.H2.storeWithSchema(TestDatabase.H2.freshUrl());
    }
}
