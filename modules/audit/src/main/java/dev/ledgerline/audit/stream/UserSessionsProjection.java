package dev.ledgerline.audit.stream;

import java.util.List;

import dev.ledgerline.identity.events.SessionStarted;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Remembers which sessions each user started (sessions are streams of their own). */
@Component
@ProcessingGroup(UserSessionsProjection.GROUP)
public class UserSessionsProjection {

    static final String GROUP = "audit-user-sessions-projection";

    private final JdbcTemplate jdbc;

    UserSessionsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(SessionStarted event) {
        jdbc.update("INSERT INTO audit_user_sessions (session_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                event.sessionId().toString(), event.userId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_user_sessions");
    }

    /** The user's own stream followed by the streams of their sessions. */
    public List<String> streamsOf(UserId user) {
        List<String> streams = new java.util.ArrayList<>();
        streams.add(user.toString());
        streams.addAll(jdbc.queryForList("SELECT session_id FROM audit_user_sessions WHERE user_id = ?",
                String.class, user.value()));
        return streams;
    }
}
