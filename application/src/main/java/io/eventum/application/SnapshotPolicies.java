package io.eventum.application;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The automatic snapshot policies of one application: which repository snapshots which aggregate
 * class. Consulted after every successful save, whichever repository or application saved.
 */
final class SnapshotPolicies {

    private final Map<Class<?>, Repository<?, ?>> repositoriesByAggregateClass = new ConcurrentHashMap<>();

    void register(Class<?> aggregateClass, Repository<?, ?> repository) {
        Repository<?, ?> previous = repositoriesByAggregateClass.putIfAbsent(aggregateClass, repository);
        if (previous != null && previous != repository) {
            throw new IllegalStateException("snapshots of " + aggregateClass.getName() + " are already configured by another repository");
        }
    }

    /** Takes the snapshots that the saves in {@code saved} made due; failures are logged, never thrown. */
    void afterSave(List<PendingEvents.Saved> saved) {
        for (PendingEvents.Saved save : saved) {
            Repository<?, ?> repository = repositoriesByAggregateClass.get(save.aggregate().getClass());
            if (repository != null) {
                repository.snapshotIfDue(save.aggregate(), save.versionBefore());
            }
        }
    }
}
