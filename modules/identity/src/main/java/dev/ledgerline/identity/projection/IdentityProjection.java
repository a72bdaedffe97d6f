package dev.ledgerline.identity.projection;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import dev.ledgerline.identity.events.LoginFailed;
import dev.ledgerline.identity.events.PasswordChanged;
import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.SessionStarted;
import dev.ledgerline.identity.events.TokenRevoked;
import dev.ledgerline.identity.events.TokenRotated;
import dev.ledgerline.identity.events.UserDeactivated;
import dev.ledgerline.identity.events.UserDeleted;
import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.identity.events.UserProfileChanged;
import dev.ledgerline.identity.events.UserReactivated;
import dev.ledgerline.identity.events.UserRegistered;
import dev.ledgerline.identity.events.UserRolesChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the read tables users and auth_sessions. Every write is idempotent (inserts ignore an existing row, updates
 * apply only to a row older than the event), so a redelivered event changes nothing. All identity events run in one
 * sequence ({@link IdentityProjectionConfiguration}): a freed username or email can be taken by a later user only
 * after the earlier row is gone, and a session row always finds its user.
 */
@Component
@ProcessingGroup(IdentityProjection.NAME)
class IdentityProjection {

    static final String NAME = "identity-projection";

    private final JdbcTemplate jdbc;

    IdentityProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO users (id, username, email, full_name, roles, is_active, created_at, updated_at, version)
                VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.userId().value(), event.username(), event.email(), event.fullName(), roles(event.roles()),
                ts(at), ts(at), version);
    }

    @EventHandler
    void on(UserProfileChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        updateUser(event.userId(), version, at, "full_name = ?, email = ?", event.fullName(), event.email());
    }

    @EventHandler
    void on(UserRolesChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        updateUser(event.userId(), version, at, "roles = ?", (Object) roles(event.roles()));
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long version, @Timestamp Instant at) {
        updateUser(event.userId(), version, at, "is_active = FALSE");
    }

    @EventHandler
    void on(UserReactivated event, @SequenceNumber long version, @Timestamp Instant at) {
        updateUser(event.userId(), version, at, "is_active = TRUE");
    }

    @EventHandler
    void on(PasswordChanged event, @SequenceNumber long version, @Timestamp Instant at) {
        updateUser(event.userId(), version, at, "");
    }

    @EventHandler
    void on(LoginFailed event, @SequenceNumber long version) {
        jdbc.update("UPDATE users SET version = ? WHERE id = ? AND version < ?",
                version, event.userId().value(), version);
    }

    @EventHandler
    void on(UserDeleted event) {
        jdbc.update("DELETE FROM users WHERE id = ?", event.userId().value());
    }

    @EventHandler
    void on(SessionStarted event, @SequenceNumber long version, @Timestamp Instant at,
            @MetaDataValue("clientAddress") String clientAddress) {
        // a login that raced the deletion of its user leaves no row: the user is gone
        jdbc.update("""
                INSERT INTO auth_sessions (id, user_id, token_hash, expires_at, revoked, created_at, last_used_at,
                                           user_agent, ip, version)
                SELECT ?, u.id, ?, ?, FALSE, ?, ?, ?, ?, ? FROM users u WHERE u.id = ?
                ON CONFLICT (id) DO NOTHING""",
                event.sessionId().value(), event.tokenHash(), ts(event.expiresAt()), ts(at), ts(at),
                event.userAgent(), clientAddress, version, event.userId().value());
    }

    @EventHandler
    void on(TokenRotated event, @SequenceNumber long version, @Timestamp Instant at) {
        jdbc.update("UPDATE auth_sessions SET token_hash = ?, last_used_at = ?, version = ? WHERE id = ? AND version < ?",
                event.tokenHash(), ts(at), version, event.sessionId().value(), version);
    }

    @EventHandler
    void on(TokenRevoked event, @SequenceNumber long version) {
        jdbc.update("UPDATE auth_sessions SET revoked = TRUE, revoked_reason = ?, version = ? WHERE id = ? AND version < ?",
                event.reason().name(), version, event.sessionId().value(), version);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM auth_sessions");
        jdbc.update("DELETE FROM users");
    }

    private void updateUser(UserId userId, long version, Instant at, String assignments, Object... values) {
        Object[] arguments = Arrays.copyOf(values, values.length + 4);
        arguments[values.length] = ts(at);
        arguments[values.length + 1] = version;
        arguments[values.length + 2] = userId.value();
        arguments[values.length + 3] = version;
        jdbc.update("UPDATE users SET " + (assignments.isEmpty() ? "" : assignments + ", ")
                + "updated_at = ?, version = ? WHERE id = ? AND version < ?", arguments);
    }

    private static String[] roles(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().toArray(String[]::new);
    }

    private static java.sql.Timestamp ts(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }
}
