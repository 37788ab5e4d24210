package io.eventum.examples.dogschool;

import io.eventum.store.inmemory.InMemoryEventStore;

import java.time.Duration;
import java.util.UUID;

/**
 * The dog school end to end: a snapshot policy, and a projection following the school's events.
 * The README shows the lines between the tags.
 */
public final class DogSchoolExample {

    private DogSchoolExample() {
    }

    /** Registers Fido, teaches tricks, and returns what the projection counted. */
    static int run() throws InterruptedException {
        InMemoryEventStore store = new InMemoryEventStore();
        try (DogSchool school = new DogSchool(store, 100)) {
            TrickCounts counts = new TrickCounts();
            try (var runner = school.projectionRunner(counts).following(Dog.TYPE).build()) {
                runner.start();                                   // catches up, then follows new events
                UUID fido = school.registerDog("Fido");
                school.addTricks(fido, "roll over", "play dead");
                runner.awaitPosition(store.lastPosition(), Duration.ofSeconds(5));
                return counts.tricksOf(fido);                     // 2
            }
        }
    }

    /** Prints how many tricks the projection counted for Fido. */
    public static void main(String[] args) throws InterruptedException {
        System.out.println("Fido knows " + run() + " tricks, says the projection");
    }
}
