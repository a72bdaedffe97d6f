-- Identity write side: state the commands need synchronously that is not (or must not be) an event. Written in the
-- command's own transaction, never rebuilt from events, never read by another module.

-- Usernames and emails are unique case-insensitively. A claim is inserted in the transaction that registers the user
-- (or changes the email); the primary key makes two concurrent claims of one value end in one success and one 409.
CREATE TABLE identity_claims (
    kind       varchar(8)   NOT NULL,
    value      varchar(320) NOT NULL,
    user_id    uuid         NOT NULL,
    claimed_at timestamptz  NOT NULL,
    CONSTRAINT identity_claims_pk PRIMARY KEY (kind, value),
    CONSTRAINT identity_claims_kind_ck CHECK (kind IN ('username', 'email')),
    CONSTRAINT identity_claims_value_lower_ck CHECK (value = lower(value))
);
CREATE INDEX identity_claims_user_idx ON identity_claims (user_id);
COMMENT ON TABLE identity_claims IS
    'Identity write side: who holds each username and email (lower case); freed when the user is deleted.';

-- The bcrypt hash (cost 12) and what authentication reads on every request: active flag and roles.
CREATE TABLE identity_credentials (
    user_id       uuid         NOT NULL,
    password_hash varchar(100) NOT NULL,
    active        boolean      NOT NULL,
    roles         varchar(64)  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    CONSTRAINT identity_credentials_pk PRIMARY KEY (user_id)
);
COMMENT ON TABLE identity_credentials IS
    'Identity write side: password hash, active flag and roles (comma-separated) per user; removed with the user.';

-- Live sessions: read by the access check on every request (cached for seconds) and by cascading revocations.
CREATE TABLE identity_sessions (
    session_id uuid        NOT NULL,
    user_id    uuid        NOT NULL,
    expires_at timestamptz NOT NULL,
    revoked    boolean     NOT NULL,
    CONSTRAINT identity_sessions_pk PRIMARY KEY (session_id)
);
CREATE INDEX identity_sessions_user_idx ON identity_sessions (user_id) WHERE NOT revoked;
COMMENT ON TABLE identity_sessions IS
    'Identity write side: every session, its owner, absolute expiry and whether it is revoked.';

-- Failed logins per login name as typed (lower case), whether or not an account has that name.
CREATE TABLE identity_login_throttle (
    login_key       varchar(320) NOT NULL,
    failures        integer      NOT NULL,
    last_failure_at timestamptz  NOT NULL,
    locked_until    timestamptz,
    CONSTRAINT identity_login_throttle_pk PRIMARY KEY (login_key)
);
CREATE INDEX identity_login_throttle_last_failure_idx ON identity_login_throttle (last_failure_at);
COMMENT ON TABLE identity_login_throttle IS
    'Identity write side: consecutive failed logins and lockout per login name.';
