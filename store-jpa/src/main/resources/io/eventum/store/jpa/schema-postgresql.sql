-- Eventum JPA store: schema for PostgreSQL 13 and later (xid8 transaction ids). Every statement is idempotent.

-- One row per event. The key is (aggregate_id, version): a second writer of the same version
-- fails, which is optimistic concurrency. payload and metadata are jsonb: binary JSON that can be
-- indexed and queried (CREATE INDEX ... USING gin (payload)), stored inline or TOASTed, never as
-- large-object OIDs. jsonb keeps an equal JSON value, not the text: keys come back in its order.
-- global_position is unique, and its index serves readers by position.
CREATE TABLE IF NOT EXISTS eventum_events (
    aggregate_id    uuid                        NOT NULL,
    version         bigint                      NOT NULL,
    type_name       text                        NOT NULL,
    payload         jsonb                       NOT NULL,
    metadata        jsonb,
    occurred_at     timestamp(6) with time zone NOT NULL,
    global_position bigint                      NOT NULL,
    CONSTRAINT eventum_events_pk PRIMARY KEY (aggregate_id, version),
    CONSTRAINT eventum_events_position_uk UNIQUE (global_position)
);

-- No counter table: an event's global_position is its appending transaction's id times 2^20 plus
-- its number within that transaction, and readers read only below the oldest transaction still in
-- progress (io.eventum.store.jpa.TransactionPositions). A database created by an earlier release
-- keeps its eventum_positions table and its positions (1, 2, 3, ...), which stay below every new
-- one; the store no longer uses that table, which may be dropped once every writer is upgraded.

-- Followers' tracking records: a follower records each position it processed once.
CREATE TABLE IF NOT EXISTS eventum_tracking (
    follower        text   NOT NULL,
    global_position bigint NOT NULL,
    CONSTRAINT eventum_tracking_pk PRIMARY KEY (follower, global_position)
);

-- The newest snapshot of each aggregate.
CREATE TABLE IF NOT EXISTS eventum_snapshots (
    aggregate_id uuid                        NOT NULL,
    version      bigint                      NOT NULL,
    type_name    text                        NOT NULL,
    state        jsonb                       NOT NULL,
    taken_at     timestamp(6) with time zone NOT NULL,
    CONSTRAINT eventum_snapshots_pk PRIMARY KEY (aggregate_id)
);
