package io.eventum.benchmarks.account;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;

/**
 * A bank account whose state stays the same size however long its history grows: a balance and a
 * count of deposits. It is the counterpart of the seed's aggregate (whose state holds one entity
 * per event) in the snapshot benchmarks: with it, a snapshot makes the load independent of N.
 */
public final class Account extends AggregateRoot<Account, Account.Event> {

    /** The account's events. */
    public sealed interface Event permits Opened, Deposited {
    }

    /** The account was opened. */
    public record Opened(String owner) implements Event {
    }

    /** Money was paid in. */
    public record Deposited(long amountCents) implements Event {
    }

    /** What a snapshot keeps: everything but the id, version and timestamps. */
    public record State(String owner, long balanceCents, long deposits) {
    }

    /** The account's type, with snapshots (their policy is set by the bank). */
    public static final AggregateType<Account, Event> TYPE = AggregateType.builder(Account.class, Event.class)
            .mutator(Account::mutate)
            .snapshots(State.class, Account::state, Account::new)
            .build();

    private final String owner;
    private long balanceCents;
    private long deposits;

    private Account(String owner) {
        this.owner = owner;
    }

    private Account(State state) {
        this(state.owner());
        this.balanceCents = state.balanceCents();
        this.deposits = state.deposits();
    }

    /** Opens an account for {@code owner}. */
    public static Account open(String owner) {
        return TYPE.create(new Opened(owner));
    }

    /** The mutator. */
    static Account mutate(Account account, Event event) {
        if (event instanceof Opened opened) {
            return new Account(opened.owner());
        } else if (event instanceof Deposited deposited) {
            account.balanceCents += deposited.amountCents();
            account.deposits++;
            return account;
        }
        throw new IllegalArgumentException("not an Account event: " + event);
    }

    /** Pays {@code amountCents} in. */
    public void deposit(long amountCents) {
        if (amountCents <= 0) {
            throw new IllegalArgumentException("account " + id() + " takes only positive deposits, got " + amountCents);
        }
        apply(new Deposited(amountCents));
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
