package io.eventum.store.jpa;

/**
 * The store's tables: its own row model, kept apart from the port's records. The DDL that
 * creates them ships as {@code io/eventum/store/jpa/schema-*.sql}.
 */
final class Tables {

    /** One row per event; key (aggregate_id, version), global_position unique. */
    static final String EVENTS = "eventum_events";
    /** One row (id 1) holding the last global position handed out. */
    static final String POSITIONS = "eventum_positions";
    /** One row per (follower, global_position) recorded with an append. */
    static final String TRACKING = "eventum_tracking";
    /** The newest snapshot of each aggregate. */
    static final String SNAPSHOTS = "eventum_snapshots";

    private Tables() {
    }
}
