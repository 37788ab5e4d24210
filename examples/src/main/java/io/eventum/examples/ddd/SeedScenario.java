package io.eventum.examples.ddd;

import io.eventum.application.store.AggregateQuery;
import io.eventum.application.store.EventStore;
import io.eventum.application.store.StoredEvent;

import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;

/**
 * The seed's "Run the code" section, step by step, in the seed's order. Each step prints what it
 * did and what the repository now says, and checks it against what the seed asserts: a step that
 * does not hold throws {@link IllegalStateException}. At the end it prints the aggregate's stored
 * history.
 */
public final class SeedScenario {

    private final PrintWriter out;

    /** A scenario that reports on {@code out}. */
    public SeedScenario(PrintWriter out) {
        this.out = out;
    }

    /**
     * Runs the scenario on {@code store}, which the application closes at the end.
     *
     * @return the id of the aggregate it created
     * @throws IllegalStateException if a step does not hold as the seed says
     */
    public UUID run(EventStore store, String storeDescription) {
        out.println("The seed's \"Aggregates in DDD\" scenario, on " + storeDescription);
        try (ExampleDDDApplication app = new ExampleDDDApplication(store)) {
            var repository = app.aggregateRepository;

            ExampleAggregateRoot aggregate = ExampleAggregateRoot.create();
            app.save(aggregate);
            step(1, "created aggregate " + aggregate.id() + " and saved it", "repository contains it: " + repository.contains(aggregate.id()));
            check(repository.contains(aggregate.id()), "the new aggregate is in the repository");
            check(aggregate.countExamples() == 0, "the aggregate has zero examples");
            step(2, "counted its examples", "the aggregate has " + aggregate.countExamples());

            aggregate.createNewExample();
            int inRepository = repository.get(aggregate.id()).countExamples();
            step(3, "asked the aggregate to create an example (not saved yet)",
                    "the aggregate has " + aggregate.countExamples() + ", the repository's copy has " + inRepository);
            check(aggregate.countExamples() == 1 && inRepository == 0, "the unsaved example is not in the repository");

            app.save(aggregate);
            inRepository = repository.get(aggregate.id()).countExamples();
            step(4, "saved", "the repository's copy has " + inRepository);
            check(inRepository == 1, "the saved example is in the repository");

            aggregate.createNewExample();
            aggregate.createNewExample();
            app.save(aggregate);
            inRepository = repository.get(aggregate.id()).countExamples();
            step(5, "created two more examples and saved both in one atomic append", "the repository's copy has " + inRepository);
            check(inRepository == 3, "both examples were saved together");

            aggregate.discard();
            boolean contained = repository.contains(aggregate.id());
            step(6, "discarded the aggregate (not saved yet)", "repository contains it: " + contained);
            check(contained, "the aggregate is still in the repository until the discard is saved");

            app.save(aggregate);
            contained = repository.contains(aggregate.id());
            step(7, "saved", "repository contains it: " + contained);
            check(!contained, "the discarded aggregate is no longer in the repository");

            printHistory(store, aggregate.id());
            out.flush();
            return aggregate.id();
        }
    }

    private void step(int number, String did, String says) {
        out.printf("%2d. %-64s -> %s%n", number, did, says);
        out.flush();
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new IllegalStateException("the seed's scenario does not hold: " + what);
        }
    }

    private void printHistory(EventStore store, UUID id) {
        List<StoredEvent> history = store.read(id, AggregateQuery.all());
        out.println();
        out.println("Stored history of aggregate " + id + ":");
        out.printf("%10s  %7s  %-38s  %-30s  %s%n", "position", "version", "type", "timestamp", "payload");
        for (StoredEvent event : history) {
            out.printf("%10d  %7d  %-38s  %-30s  %s%n", event.position(), event.version(), event.type(), event.timestamp(),
                    event.payloadJson());
        }
        out.println("The store's last position is " + store.lastPosition() + " (a store that persists counts earlier runs too).");
    }
}
