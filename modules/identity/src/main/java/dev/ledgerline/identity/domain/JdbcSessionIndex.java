package dev.ledgerline.identity.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link SessionIndex} on the table identity_sessions (V10). */
@Component
class JdbcSessionIndex implements SessionIndex {

    private final JdbcTemplate jdbc;
    private final AccessCheck accessCheck;

    JdbcSessionIndex(JdbcTemplate jdbc, AccessCheck accessCheck) {
        this.jdbc = jdbc;
        this.accessCheck = accessCheck;
    }

    @Override
    public void started(SessionId sessionId, UserId userId, Instant expiresAt) {
        jdbc.update("INSERT INTO identity_sessions (session_id, user_id, expires_at, revoked) VALUES (?, ?, ?, FALSE)",
                sessionId.value(), userId.value(), Timestamp.from(expiresAt));
    }

    @Override
    public void revoked(SessionId sessionId) {
        jdbc.update("UPDATE identity_sessions SET revoked = TRUE WHERE session_id = ?", sessionId.value());
        AfterCommit.run(() -> accessCheck.forget(sessionId));
    }

    @Override
    public List<SessionId> liveSessionsOf(UserId userId) {
        return jdbc.queryForList("SELECT session_id FROM identity_sessions "
                        + "WHERE user_id = ? AND NOT revoked AND expires_at > ? ORDER BY session_id", UUID.class,
                userId.value(), Timestamp.from(Instant.now())).stream().map(SessionId::new).toList();
    }
}
