package io.eventum.examples.quickstart;

import io.eventum.application.Application;
import io.eventum.store.inmemory.InMemoryEventStore;

import java.util.List;

/**
 * The README's quick start, compiled and run by the build (QuickStartTest), so that it cannot rot.
 * The lines between the tag comments, here and in {@link Dog}, appear verbatim in README.md.
 */
public final class QuickStart {

    private QuickStart() {
    }

    static List<String> run() {
        // tag::quickstart[]
        var app = Application.builder(new InMemoryEventStore()).aggregate(Dog.TYPE).build();
        Dog fido = Dog.TYPE.create(new Dog.Registered("Fido"));         // a new aggregate, its event pending
        fido.addTrick("roll over");
        app.save(fido);                                                 // both events in one atomic append
        List<String> tricks = app.repository(Dog.TYPE).get(fido.id()).tricks;   // rebuilt: [roll over]
        // end::quickstart[]
        app.close();
        return tricks;
    }

    /** Runs the quick start and prints the reloaded dog's tricks. */
    public static void main(String[] args) {
        System.out.println(run());
    }
}
