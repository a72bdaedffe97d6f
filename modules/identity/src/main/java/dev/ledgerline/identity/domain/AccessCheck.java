package dev.ledgerline.identity.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.ledgerline.identity.api.BearerAuthentication;
import dev.ledgerline.identity.api.BearerTokenAuthenticator;
import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.identity.token.AccessTokens;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.stereotype.Component;

/**
 * Authenticates bearer tokens: a genuine access token is accepted only while its session is live and its user active
 * and not deleted. That state comes from the write side's own tables (never a projection, so a rebuild does not log
 * anyone out) and is cached for {@code ledgerline.identity.access-check-cache}; this node forgets an entry the
 * moment a change commits, other nodes within the cache time. Roles are taken from the same state, not the token, so
 * a role change also takes effect at once.
 */
@Component
class AccessCheck implements BearerTokenAuthenticator {

    private static final int MAX_ENTRIES = 50_000;

    private final JdbcTemplate jdbc;
    private final AccessTokens tokens;
    private final Clock clock = Clock.systemUTC();
    private final long cacheMillis;
    private final Map<SessionId, Cached> cache = new ConcurrentHashMap<>();

    AccessCheck(JdbcTemplate jdbc, AccessTokens tokens, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.cacheMillis = properties.accessCheckCache().toMillis();
    }

    @Override
    public BearerAuthentication authenticate(String token) {
        AccessTokens.Verified verified = tokens.verify(token);
        State state = cached(verified.sessionId())
                .filter(s -> s.userId().equals(verified.userId()))
                .filter(s -> s.usable(clock.instant()))
                .orElseThrow(() -> new BadCredentialsException("The session or the user is no longer valid"));
        return new BearerAuthentication(state.userId(), verified.sessionId(), state.roles());
    }

    /** The session's and its user's current state, read now. */
    Optional<State> load(SessionId sessionId) {
        return jdbc.query("SELECT s.user_id, s.revoked, s.expires_at, c.active, c.roles FROM identity_sessions s "
                        + "LEFT JOIN identity_credentials c ON c.user_id = s.user_id WHERE s.session_id = ?",
                (row, i) -> new State(new UserId(row.getObject(1, UUID.class)), row.getBoolean(2),
                        row.getTimestamp(3).toInstant(), row.getString(5) != null && row.getBoolean(4),
                        row.getString(5) == null ? Set.of() : JdbcAccountStore.parse(row.getString(5))),
                sessionId.value()).stream().findFirst();
    }

    void forget(SessionId sessionId) {
        cache.remove(sessionId);
    }

    void forgetAll() {
        cache.clear();
    }

    private Optional<State> cached(SessionId sessionId) {
        long now = System.nanoTime();
        Cached entry = cache.get(sessionId);
        if (entry != null && now - entry.loadedAt() < cacheMillis * 1_000_000) {
            return entry.state();
        }
        Optional<State> state = load(sessionId);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(sessionId, new Cached(state, now));
        return state;
    }

    record State(UserId userId, boolean revoked, Instant sessionExpiresAt, boolean userActive, Set<Role> roles) {

        boolean usable(Instant now) {
            return !revoked && userActive && now.isBefore(sessionExpiresAt);
        }
    }

    private record Cached(Optional<State> state, long loadedAt) {
    }
}
