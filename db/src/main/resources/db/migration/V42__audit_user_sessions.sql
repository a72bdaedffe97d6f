-- Which sessions belong to which user, so that a user's identity stream (the user's events and those of every
-- session they started) can be read from the event store. A projection of SessionStarted (audit-user-sessions).
CREATE TABLE audit_user_sessions (
    session_id varchar(255) NOT NULL,
    user_id    uuid         NOT NULL,
    CONSTRAINT audit_user_sessions_pk PRIMARY KEY (session_id)
);
CREATE INDEX audit_user_sessions_user_idx ON audit_user_sessions (user_id);
COMMENT ON TABLE audit_user_sessions IS 'Projection of SessionStarted events (processing group audit-user-sessions-projection)';
