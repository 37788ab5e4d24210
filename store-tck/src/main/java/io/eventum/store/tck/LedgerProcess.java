package io.eventum.store.tck;

import io.eventum.application.ProcessApplication;
import io.eventum.application.Repository;
import io.eventum.application.store.EventStore;
import io.eventum.domain.AggregateRoot;
import io.eventum.domain.EventEnvelope;

import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The contract's process application: it follows tallies and keeps one ledger per tally, whose
 * balance must end equal to the tally's total. It can be told to crash at random in its policy.
 */
final class LedgerProcess extends ProcessApplication {

    final Repository<Ledger, Ledger.Event> ledgers = repository(Ledger.TYPE);
    private final Random random;
    private final double crashRate;

    LedgerProcess(String name, EventStore store, Random random, double crashRate) {
        super(name, builder(store).aggregate(Ledger.TYPE));
        this.random = random;
        this.crashRate = crashRate;
    }

    @Override
    protected Collection<? extends AggregateRoot<?, ?>> policy(EventEnvelope<?> event) {
        if (random.nextDouble() < crashRate) {
            throw new IllegalStateException("simulated crash in the policy");
        }
        if (!(event.event() instanceof Tally.Added added)) {
            return List.of();
        }
        UUID ledgerId = Ledger.idFor(name(), event.aggregateId());
        Ledger ledger = ledgers.find(ledgerId).orElseGet(() -> Ledger.open(name(), event.aggregateId()));
        ledger.enter(added.amount());
        return List.of(ledger);
    }
}
