package io.eventum.store.tck;

import io.eventum.domain.AggregateRoot;
import io.eventum.domain.AggregateType;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The process application's aggregate in the contract: a ledger that mirrors one tally's additions. */
final class Ledger extends AggregateRoot<Ledger, Ledger.Event> {

    sealed interface Event permits Opened, Entered {
    }

    record Opened(UUID tallyId) implements Event {
    }

    record Entered(long amount) implements Event {
    }

    static final AggregateType<Ledger, Event> TYPE = AggregateType.of(Ledger.class, Event.class, Ledger::mutate);

    private final UUID tallyId;
    private long balance;
    private int entries;

    private Ledger(UUID tallyId) {
        this.tallyId = tallyId;
    }

    /** Opens the ledger of {@code tallyId} under an id derived from it, so a policy finds it again. */
    static Ledger open(String owner, UUID tallyId) {
        return TYPE.create(idFor(owner, tallyId), new Opened(tallyId));
    }

    static UUID idFor(String owner, UUID tallyId) {
        return UUID.nameUUIDFromBytes((owner + "/" + tallyId).getBytes(StandardCharsets.UTF_8));
    }

    private static Ledger mutate(Ledger ledger, Event event) {
        if (event instanceof Opened opened) {
            return new Ledger(opened.tallyId());
        } else if (event instanceof Entered entered) {
            ledger.balance += entered.amount();
            ledger.entries++;
            return ledger;
        }
        throw new IllegalArgumentException(String.valueOf(event));
    }

    void enter(long amount) {
        apply(new Entered(amount));
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
