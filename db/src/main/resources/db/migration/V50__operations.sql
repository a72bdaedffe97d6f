-- Operations: which version of each projection's read schema the tables hold, and the projections' rebuilds.

CREATE TABLE projection_versions (
    projection varchar(63) NOT NULL,
    version    integer     NOT NULL,
    updated_at timestamptz NOT NULL,
    CONSTRAINT projection_versions_pk PRIMARY KEY (projection)
);
COMMENT ON TABLE projection_versions IS
    'Operations: the declared version of each projection whose tables were last built completely.';

-- One row per rebuild. At most one rebuild of a projection is active (running or switching) across every node: the
-- partial unique index makes a second request fail, which the API answers with 409. The node running it renews
-- heartbeat_at; another node takes over a rebuild whose heartbeat has gone stale (the node died).
CREATE TABLE projection_rebuilds (
    id             uuid         NOT NULL,
    projection     varchar(63)  NOT NULL,
    mode           varchar(16)  NOT NULL,
    state          varchar(16)  NOT NULL,
    target_version integer      NOT NULL,
    reason         varchar(32)  NOT NULL,
    node_id        varchar(255) NOT NULL,
    heartbeat_at   timestamptz  NOT NULL,
    started_at     timestamptz  NOT NULL,
    finished_at    timestamptz,
    head_at_start  bigint       NOT NULL,
    position       bigint,
    head           bigint,
    error          varchar(2000),
    CONSTRAINT projection_rebuilds_pk PRIMARY KEY (id),
    CONSTRAINT projection_rebuilds_mode_ck CHECK (mode IN ('blue-green', 'in-place')),
    CONSTRAINT projection_rebuilds_state_ck CHECK (state IN ('running', 'switching', 'completed', 'failed'))
);
CREATE UNIQUE INDEX projection_rebuilds_one_active_uk ON projection_rebuilds (projection)
    WHERE state IN ('running', 'switching');
CREATE INDEX projection_rebuilds_projection_idx ON projection_rebuilds (projection, started_at DESC);
COMMENT ON TABLE projection_rebuilds IS
    'Operations: every projection rebuild, its progress and outcome; at most one active per projection.';
