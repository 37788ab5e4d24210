-- Eventum JPA store: schema for H2 2.x. Every statement is idempotent.

-- One row per event. The key is (aggregate_id, version): a second writer of the same version
-- fails, which is optimistic concurrency. payload and metadata use H2's JSON type, which parses
-- what it is given (bound as ? FORMAT JSON) and keeps an equal JSON value.
-- global_position is the primary key because H2 then stores the rows by it (a BIGINT primary key
-- is H2's row key): the unique position costs no index of its own, which saves an index write
-- per event. (aggregate_id, version) is the unique key that optimistic concurrency relies on.
CREATE TABLE IF NOT EXISTS eventum_events (
    aggregate_id    UUID                     NOT NULL,
    version         BIGINT                   NOT NULL,
    type_name       VARCHAR                  NOT NULL,
    payload         JSON                     NOT NULL,
    metadata        JSON,
    occurred_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    global_position BIGINT                   NOT NULL,
    CONSTRAINT eventum_events_pk PRIMARY KEY (global_position),
    CONSTRAINT eventum_events_version_uk UNIQUE (aggregate_id, version)
);

-- The last global position handed out. Appends increment it inside their transaction, so they
-- hold its row lock until they commit: positions are handed out in commit order, without skips.
CREATE TABLE IF NOT EXISTS eventum_positions (
    id            INTEGER NOT NULL,
    last_position BIGINT  NOT NULL,
    CONSTRAINT eventum_positions_pk PRIMARY KEY (id),
    CONSTRAINT eventum_positions_one_row CHECK (id = 1)
);
INSERT INTO eventum_positions (id, last_position)
    SELECT 1, COALESCE((SELECT MAX(global_position) FROM eventum_events), 0)
    WHERE NOT EXISTS (SELECT 1 FROM eventum_positions);

-- Followers' tracking records: a follower records each position it processed once.
CREATE TABLE IF NOT EXISTS eventum_tracking (
    follower        VARCHAR NOT NULL,
    global_position BIGINT  NOT NULL,
    CONSTRAINT eventum_tracking_pk PRIMARY KEY (follower, global_position)
);

-- The newest snapshot of each aggregate.
CREATE TABLE IF NOT EXISTS eventum_snapshots (
    aggregate_id UUID                        NOT NULL,
    version      BIGINT                      NOT NULL,
    type_name    VARCHAR                     NOT NULL,
    state        JSON                        NOT NULL,
    taken_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT eventum_snapshots_pk PRIMARY KEY (aggregate_id)
);
