package io.eventum.application.codec;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An aggregate for codec tests: its events cover the field types a codec must round-trip. */
public final class Account extends AggregateRoot<Account, Account.Event> {

    /** The account's events. */
    public sealed interface Event permits Opened, Deposited, Withdrawn, Renamed, Noted {
    }

    /** Opened by an owner. */
    public record Opened(String owner) implements Event {
    }

    /** Money came in. */
    public record Deposited(BigDecimal amount, LocalDate valueDate, List<String> notes) implements Event {
    }

    /** Money went out, in cents. */
    public record Withdrawn(long cents, boolean urgent) implements Event {
    }

    /** Renamed, maybe with a nickname. */
    public record Renamed(String name, Optional<String> nickname) implements Event {
    }

    /** A free-form note: whatever JSON it holds reads as maps, lists and scalars, never as a class it names. */
    public record Noted(Object note) implements Event {
    }

    /** The snapshot state. */
    public record State(String owner, long balanceCents) {
    }

    /** The descriptor, with snapshots. */
    public static final AggregateType<Account, Event> TYPE = AggregateType.builder(Account.class, Event.class)
            .mutator((account, event) -> account == null ? new Account() : account)
            .snapshots(State.class, account -> new State("x", 0), state -> new Account())
            .build();
}
