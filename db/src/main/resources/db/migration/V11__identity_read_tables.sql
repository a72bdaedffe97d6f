-- Identity read tables: the projection identity-projection writes them from the events and can rebuild them.
-- "version" is the sequence number of the last event of the aggregate the row reflects (read-your-writes).

CREATE TABLE users (
    id         uuid         NOT NULL,
    username   varchar(50)  NOT NULL,
    email      varchar(320) NOT NULL,
    full_name  varchar(100) NOT NULL,
    roles      text[]       NOT NULL,
    is_active  boolean      NOT NULL,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL,
    version    bigint       NOT NULL,
    CONSTRAINT users_pk PRIMARY KEY (id),
    CONSTRAINT users_username_uk UNIQUE (username)
);
CREATE UNIQUE INDEX users_email_lower_uk ON users (lower(email));
CREATE UNIQUE INDEX users_username_lower_uk ON users (lower(username));
CREATE INDEX users_created_idx ON users (created_at, id);
COMMENT ON TABLE users IS 'Identity read table (projection identity-projection): one row per existing user.';

CREATE TABLE auth_sessions (
    id             uuid        NOT NULL,
    user_id        uuid        NOT NULL,
    token_hash     char(64)    NOT NULL,
    expires_at     timestamptz NOT NULL,
    revoked        boolean     NOT NULL,
    revoked_reason varchar(20),
    created_at     timestamptz NOT NULL,
    last_used_at   timestamptz NOT NULL,
    user_agent     varchar(512),
    ip             varchar(64),
    version        bigint      NOT NULL,
    CONSTRAINT auth_sessions_pk PRIMARY KEY (id),
    CONSTRAINT auth_sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT auth_sessions_token_hash_uk UNIQUE (token_hash)
);
CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id, created_at);
COMMENT ON TABLE auth_sessions IS
    'Identity read table (projection identity-projection): sessions with the SHA-256 of their current refresh token.';
