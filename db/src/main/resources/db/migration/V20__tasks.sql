-- The tasks read table: a projection of the Task aggregate's events (processing group tasks-projection), rebuilt
-- from them at will. One row per live task: a deleted task and the tasks of a deleted user have no row.

-- Trigram indexes serve the list's text filter (q: a case-insensitive substring of title or description).
-- pg_trgm is a trusted extension: a database owner may create it without being superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE tasks (
    id           uuid          NOT NULL,
    user_id      uuid          NOT NULL,
    title        varchar(200)  NOT NULL,
    description  varchar(1000),
    completed    boolean       NOT NULL,
    completed_at timestamptz,
    created_at   timestamptz   NOT NULL,
    updated_at   timestamptz   NOT NULL,
    version      bigint        NOT NULL,
    CONSTRAINT tasks_pk PRIMARY KEY (id),
    CONSTRAINT tasks_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT tasks_completed_at_ck CHECK (completed = (completed_at IS NOT NULL)),
    CONSTRAINT tasks_version_ck CHECK (version >= 0)
);

COMMENT ON TABLE tasks IS 'Read table of the tasks module, projected from Task events by tasks-projection; rebuildable.';
COMMENT ON COLUMN tasks.user_id IS 'The owner; the row goes when the user does (UserDeleted, or the users row cascading).';
COMMENT ON COLUMN tasks.version IS 'Sequence number of the last event of the task applied here: the ETag, and what '
    'read-your-writes waits for.';
COMMENT ON COLUMN tasks.created_at IS 'Timestamp of TaskCreated (microseconds); with id, the keyset of the list.';

-- The list: a user's tasks newest first, paged by keyset (created_at, id).
CREATE INDEX tasks_user_created_idx ON tasks (user_id, created_at DESC, id DESC);
-- The list filtered by completed=true|false.
CREATE INDEX tasks_user_completed_created_idx ON tasks (user_id, completed, created_at DESC, id DESC);
-- The text filter: ILIKE '%q%' on either column.
CREATE INDEX tasks_title_trgm_idx ON tasks USING gin (title gin_trgm_ops);
CREATE INDEX tasks_description_trgm_idx ON tasks USING gin (description gin_trgm_ops);
