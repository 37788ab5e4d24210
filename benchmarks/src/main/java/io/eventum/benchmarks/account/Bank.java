package io.eventum.benchmarks.account;

import io.eventum.application.Application;
import io.eventum.application.Repository;
import io.eventum.application.store.EventStore;

import java.util.UUID;

/** An application of accounts, with a snapshot policy, over a store of the caller's choosing. */
public final class Bank extends Application {

    /** The most events one save carries: a long history is written over time, not at once. */
    private static final int EVENTS_PER_SAVE = 1_000;

    /** Loads accounts by id. */
    public final Repository<Account, Account.Event> accounts;

    /** The bank over {@code store} (also its snapshot store), snapshotting every {@code snapshotEvery} events. */
    public Bank(EventStore store, int snapshotEvery) {
        super(builder(store).aggregate(Account.TYPE.withSnapshotEvery(snapshotEvery)));
        this.accounts = repository(Account.TYPE);
    }

    /**
     * Opens an account and pays in deposits until it has {@code events} events, saved in commands
     * of at most 1,000 events, then checks that it loads back whole.
     *
     * @return the account's id
     */
    public UUID openWithHistory(int events) {
        Account account = Account.open("benchmark");
        for (int version = 2; version <= events; version++) {
            if (account.pendingEvents().size() == EVENTS_PER_SAVE) {
                save(account);
            }
            account.deposit(100);
        }
        save(account);
        long loaded = accounts.get(account.id()).deposits();
        if (loaded != events - 1) {
            throw new IllegalStateException("loaded " + loaded + " deposits, expected " + (events - 1));
        }
        return account.id();
    }
}
