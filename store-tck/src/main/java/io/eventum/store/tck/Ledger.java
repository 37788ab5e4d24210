package io.eventum.store.tck;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.DomainEvent;
import io.eventum.domain.Mutator;

import java.time.Instant;
import java.util.UUID;

/** The process application's aggregate in the contract: a ledger that mirrors one tally's additions. */
final class Ledger extends AggregateRoot<Ledger, Ledger.Event> {

    sealed interface Event extends DomainEvent permits Opened, Entered {
    }

    record Opened(UUID originatorId, long originatorVersion, Instant timestamp, UUID tallyId) implements Event {
    }

    record Entered(UUID originatorId, long originatorVersion, Instant timestamp, long amount) implements Event {
    }

    static final Mutator<Ledger, Event> MUTATOR = Ledger::mutate;

    private final UUID tallyId;
    private long balance;
    private int entries;

    private Ledger(Opened opened) {
        super(opened);
        this.tallyId = opened.tallyId();
    }

    /** Opens the ledger of {@code tallyId} under an id derived from it, so a policy finds it again. */
    static Ledger open(String owner, UUID tallyId) {
        return create(MUTATOR, new Opened(idFor(owner, tallyId), 1, now(), tallyId));
    }

    static UUID idFor(String owner, UUID tallyId) {
        return UUID.nameUUIDFromBytes((owner + "/" + tallyId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Ledger mutate(Ledger ledger, Event event) {
        if (event instanceof Opened opened) {
            return new Ledger(opened);
        } else if (event instanceof Entered entered) {
            ledger.balance += entered.amount();
            ledger.entries++;
            return ledger;
        }
        throw new IllegalArgumentException(String.valueOf(event));
    }

    @Override
    protected Mutator<Ledger, Event> mutator() {
        return MUTATOR;
    }

    void enter(long amount) {
        trigger((id, version, at) -> new Entered(id, version, at, amount));
    }

    UUID tallyId() {
        return tallyId;
    }

    long balance() {
        return balance;
    }

    int entries() {
        return entries;
    }
}
