package io.eventum.store.jpa;

import io.eventum.store.tck.StoreContract;

/**
 * The whole store contract on a real PostgreSQL, started once per JVM: a store built from a JDBC
 * URL, a fresh schema per test. The assertions are the contract's own, inherited from
 * {@link StoreContract}.
 */
class PostgresStoreContractTest extends StoreContract<JpaEventStore> {

    @Override
    protected JpaEventStore createStore() {
        return TestDatabase.POSTGRESQL.storeWithSchema(TestDatabase.POSTGRESQL.freshUrl());
    }
}
