package io.eventum.examples.dogschool;

import io.eventum.application.Application;
import io.eventum.application.Repository;
import io.eventum.application.store.EventStore;

import java.util.List;
import java.util.UUID;

/** The dog school application: register dogs, teach them tricks, look them up. */
public class DogSchool extends Application {

    private final Repository<Dog, Dog.Event> dogs;

    /**
     * A school over {@code store} (also its snapshot store) that snapshots a dog each time its
     * history crosses a multiple of {@code snapshotEvery} events.
     */
    public DogSchool(EventStore store, int snapshotEvery) {
        super(builder(store).aggregate(Dog.TYPE.withSnapshotEvery(snapshotEvery)));
        this.dogs = repository(Dog.TYPE);
    }

    /** Registers a dog and returns its id. */
    public UUID registerDog(String name) {
        Dog dog = Dog.register(name);
        save(dog);
        return dog.id();
    }

    /** Teaches a dog tricks, all saved in one atomic append. */
    public void addTricks(UUID dogId, String... tricks) {
        Dog dog = dogs.get(dogId);
        for (String trick : tricks) {
            dog.addTrick(trick);
        }
        save(dog);
    }

    /** A dog's tricks. */
    public List<String> tricks(UUID dogId) {
        return dogs.get(dogId).tricks();
    }

    /** The school's dog repository. */
    public Repository<Dog, Dog.Event> dogs() {
        return dogs;
    }
}
