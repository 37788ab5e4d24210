-- Eventum JPA store: schema for PostgreSQL 12 and later. Every statement is idempotent.

-- One row per event. The key is (aggregate_id, version): a second writer of the same version
-- fails, which is optimistic concurrency. payload and metadata are jsonb: binary JSON that can be
-- indexed and queried (CREATE INDEX ... USING gin (payload)), stored inline or TOASTed, never as
-- large-object OIDs. jsonb keeps an equal JSON value, not the text: keys come back in its order.
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

-- The last global position handed out. Appends increment it inside their transaction, so they
-- hold its row lock until they commit: positions are handed out in commit order, without skips.
CREATE TABLE IF NOT EXISTS eventum_positions (
    id            integer NOT NULL,
    last_position bigint  NOT NULL,
    CONSTRAINT eventum_positions_pk PRIMARY KEY (id),
    CONSTRAINT eventum_positions_one_row CHECK (id = 1)
);
INSERT INTO eventum_positions (id, last_position)
    SELECT 1, COALESCE((SELECT MAX(global_position) FROM eventum_events), 0)
    WHERE NOT EXISTS (SELECT 1 FROM eventum_positions);

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
