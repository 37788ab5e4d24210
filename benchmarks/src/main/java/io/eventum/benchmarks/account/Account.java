package io.eventum.benchmarks.account;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.DomainEvent;
import io.eventum.domain.Mutator;

import java.time.Instant;
import java.util.UUID;

/**
 * A bank account whose state stays the same size however long its history grows: a balance and a
 * count of deposits. It is the counterpart of the seed's aggregate (whose state holds one entity
 * per event) in the snapshot benchmarks: with it, a snapshot makes the load independent of N.
 */
public final class Account extends AggregateRoot<Account, Account.Event> {

    /** The account's events. */
    public sealed interface Event extends DomainEvent permits Opened, Deposited {
    }

    /** The account was opened. */
    public record Opened(UUID originatorId, long originatorVersion, Instant timestamp, String owner) implements Event {
    }

    /** Money was paid in. */
    public record Deposited(UUID originatorId, long originatorVersion, Instant timestamp, long amountCents) implements Event {
    }

    /** What a snapshot keeps: everything but the id, version and timestamps. */
    public record State(String owner, long balanceCents, long deposits) {
    }

    private final String owner;
    private long balanceCents;
    private long deposits;

    private Account(Opened opened) {
        super(opened);
        this.owner = opened.owner();
    }

    private Account(Restored restored, State state) {
        super(restored);
        this.owner = state.owner();
        this.balanceCents = state.balanceCents();
        this.deposits = state.deposits();
    }

    /** Opens an account for {@code owner}. */
    public static Account open(String owner) {
        return create(Account::mutate, new Opened(UUID.randomUUID(), 1, now(), owner));
    }

    /** The mutator. */
    public static Account mutate(Account account, Event event) {
        if (event instanceof Opened opened) {
            return new Account(opened);
        } else if (event instanceof Deposited deposited) {
            account.balanceCents += deposited.amountCents();
            account.deposits++;
            return account;
        }
        throw new IllegalArgumentException("not an Account event: " + event);
    }

    /** Rebuilds an account from a snapshot. */
    public static Account restore(Restored restored, State state) {
        return new Account(restored, state);
    }

    @Override
    protected Mutator<Account, Event> mutator() {
        return Account::mutate;
    }

    /** Pays {@code amountCents} in. */
    public void deposit(long amountCents) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("account " + id() + " takes only positive deposits, got " + amountCents);
        }
        trigger((id, version, at) -> new Deposited(id, version, at, amountCents));
    }

    /** The account's state, for a snapshot. */
    public State state() {
        return new State(owner, balanceCents, deposits);
    }

    /** How many deposits were paid in. */
    public long deposits() {
        return deposits;
    }
}
