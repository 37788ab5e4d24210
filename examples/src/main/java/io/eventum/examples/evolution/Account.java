package io.eventum.examples.evolution;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;

/**
 * An aggregate whose events changed after they were first stored, as the README's "Schema
 * evolution" shows: a renamed event class that keeps its stored name, a field renamed and one added
 * through upcasters, and a snapshot state that may simply go stale.
 */
public final class Account extends AggregateRoot<Account, Account.Event> {

    /** The account's events. */
    public sealed interface Event permits Opened, Deposited, Closed {}

    /** Version 3: {@code owner} was {@code name} (v1), {@code currency} came with v2. */
    public record Opened(String owner, String currency) implements Event {}

    /** Renamed from {@code MoneyPaidIn}; its events keep their stored name. */
    public record Deposited(long cents) implements Event {}

    /** Closing discards the account. */
    public record Closed() implements Event {}

    /** What a snapshot keeps. */
    public record State(String owner, long balanceCents) {}

    // tag::evolution[]
    static final AggregateType<Account, Event> TYPE = AggregateType.builder(Account.class, Event.class)
            .mutator(Account::mutate)
            .discardedBy(Closed.class)                                   // contains(id) is false after it
            .snapshots(State.class, Account::state, Account::new)
            .snapshotEvery(100)                                          // after each save crossing 100, 200, ...
            .name(Deposited.class, "Account.MoneyPaidIn")                // the class was renamed, its events were not
            .version(Opened.class, 3)
            .upcaster(Opened.class, 1, json -> { json.put("owner", json.remove("name")); return json; })
            .upcaster(Opened.class, 2, json -> { json.putIfAbsent("currency", "EUR"); return json; })
            .build();
    // end::evolution[]

    private final String owner;
    private long balanceCents;

    private Account(String owner) {
        this.owner = owner;
    }

    private Account(State state) {
        this(state.owner());
        this.balanceCents = state.balanceCents();
    }

    static Account mutate(Account account, Event event) {
        if (event instanceof Opened opened) return new Account(opened.owner());
        if (event instanceof Deposited deposited) account.balanceCents += deposited.cents();
        return event instanceof Closed ? null : account;
    }

    /** Opens an account. */
    public static Account open(String owner, String currency) {
        return TYPE.create(new Opened(owner, currency));
    }

    /** Pays money in. */
    public void deposit(long cents) {
        apply(new Deposited(cents));
    }

    /** Closes the account. */
    public void close() {
        apply(new Closed());
    }

    State state() {
        return new State(owner, balanceCents);
    }

    /** The owner's name. */
    public String owner() {
        return owner;
    }

    /** The balance in cents. */
    public long balanceCents() {
        return balanceCents;
    }
}
