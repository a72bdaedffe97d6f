package dev.ledgerline.identity.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.ledgerline.identity.commands.LogOut;
import dev.ledgerline.identity.commands.RevokeSession;
import dev.ledgerline.identity.commands.RotateToken;
import dev.ledgerline.identity.commands.Rotation;
import dev.ledgerline.identity.commands.StartSession;
import dev.ledgerline.identity.events.LoginFailure;
import dev.ledgerline.identity.events.RevocationReason;
import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.identity.token.AccessTokens;
import dev.ledgerline.identity.token.RefreshTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Logging in, refreshing, logging out and revoking sessions. */
@Service
public class SessionService {

    private static final int MAX_USER_AGENT = 512;
    static final int ROTATION_LOCK_CLASS = 0x1D_0001;

    private final CommandGateway commands;
    private final AccountStore accounts;
    private final SessionIndex sessions;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final LoginFailures loginFailures;
    private final AccessCheck access;
    private final AccessTokens accessTokens;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final IdentityProperties properties;

    SessionService(CommandGateway commands, AccountStore accounts, SessionIndex sessions, Passwords passwords,
                   LoginThrottle throttle, LoginFailures loginFailures, AccessCheck access, AccessTokens accessTokens,
                   TransactionTemplate transaction, JdbcTemplate jdbc, IdentityProperties properties) {
        this.commands = commands;
        this.accounts = accounts;
        this.sessions = sessions;
        this.passwords = passwords;
        this.throttle = throttle;
        this.loginFailures = loginFailures;
        this.access = access;
        this.accessTokens = accessTokens;
        this.transaction = transaction;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Unknown names and wrong passwords fail alike: same answer, a bcrypt comparison either way, and the same
     * throttling per login name.
     */
    public Tokens login(String login, String password, String userAgent) {
        throttle.attempt(login).ifPresent(wait -> {
            throw IdentityProblem.tooManyLoginAttempts(wait);
        });
        Optional<AccountStore.Account> account = accounts.findByLogin(login);
        boolean matches = account.map(found -> passwords.matches(password, found.passwordHash()))
                .orElseGet(() -> passwords.matchesNothing(password));
        if (!matches || !account.get().active()) {
            throttle.failed(login);
            account.ifPresent(found -> loginFailures.record(found.userId(),
                    matches ? LoginFailure.ACCOUNT_DEACTIVATED : LoginFailure.BAD_PASSWORD));
            throw IdentityProblem.invalidCredentials();
        }
        throttle.succeeded(login);
        AccountStore.Account user = account.get();
        SessionId sessionId = SessionId.random();
        String refreshToken = RefreshTokens.generate(sessionId);
        Instant expiresAt = Instant.now().plus(properties.refreshTokenLifetime());
        commands.sendAndWait(new StartSession(sessionId, user.userId(), RefreshTokens.hash(refreshToken), expiresAt,
                truncate(userAgent)));
        return tokens(user.userId(), sessionId, user.roles(), refreshToken, expiresAt, 0);
    }

    /**
     * Exchanges a refresh token for a new pair. Two refreshes with one token that overlap in time: the one that holds
     * the session's lock wins, the other is answered 401 at once and revokes nothing. A token presented after its
     * rotation committed is reuse and revokes the session.
     */
    public Tokens refresh(String refreshToken) {
        SessionId sessionId = RefreshTokens.sessionOf(refreshToken).orElseThrow(IdentityProblem::invalidRefreshToken);
        String next = RefreshTokens.generate(sessionId);
        Attempt attempt = transaction.execute(status -> {
            if (!lockForRotation(sessionId)) {
                return null;
            }
            AccessCheck.State state = access.load(sessionId).filter(AccessCheck.State::userActive).orElse(null);
            if (state == null) {
                return null;
            }
            Rotation rotation = commands.sendAndWait(new RotateToken(sessionId, RefreshTokens.hash(refreshToken),
                    RefreshTokens.hash(next), Instant.now()));
            return new Attempt(rotation, state);
        });
        if (attempt == null || attempt.rotation().outcome() == Rotation.Outcome.REJECTED) {
            throw IdentityProblem.invalidRefreshToken();
        }
        if (attempt.rotation().outcome() == Rotation.Outcome.REUSE_DETECTED) {
            throw IdentityProblem.refreshTokenReused();
        }
        AccessCheck.State state = attempt.state();
        return tokens(state.userId(), sessionId, state.roles(), next, state.sessionExpiresAt(),
                attempt.rotation().version());
    }

    public Changes logout(String refreshToken) {
        SessionId sessionId = RefreshTokens.sessionOf(refreshToken)
                .filter(id -> access.load(id).isPresent())
                .orElseThrow(IdentityProblem::invalidRefreshToken);
        long version = commands.sendAndWait(new LogOut(sessionId, RefreshTokens.hash(refreshToken)));
        return Changes.sessions(Map.of(sessionId, version));
    }

    /** The user ends one of their own sessions; someone else's answers 404. */
    public Changes revoke(UserId owner, SessionId sessionId) {
        long version = commands.sendAndWait(new RevokeSession(sessionId, RevocationReason.LOGOUT, owner));
        return Changes.sessions(Map.of(sessionId, version));
    }

    /** Revokes every live session of the user but {@code except}; joins the caller's transaction. */
    Map<SessionId, Long> revokeAll(UserId userId, SessionId except, RevocationReason reason) {
        Map<SessionId, Long> revoked = new LinkedHashMap<>();
        for (SessionId sessionId : sessions.liveSessionsOf(userId)) {
            if (!sessionId.equals(except)) {
                revoked.put(sessionId, commands.sendAndWait(new RevokeSession(sessionId, reason, null)));
            }
        }
        return revoked;
    }

    /** An admin revokes every session of a user. */
    public Changes revokeAllByAdmin(UserId userId) {
        return Changes.sessions(transaction.execute(status -> revokeAll(userId, null, RevocationReason.ADMIN)));
    }

    /** A transaction-scoped advisory lock: (identity's lock class, the session id's hash). */
    private boolean lockForRotation(SessionId sessionId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?, ?)", Boolean.class,
                ROTATION_LOCK_CLASS, sessionId.value().hashCode()));
    }

    private Tokens tokens(UserId userId, SessionId sessionId, Set<Role> roles, String refreshToken,
                         Instant sessionExpiresAt, long sessionVersion) {
        AccessTokens.Issued access = accessTokens.issue(userId, sessionId, roles, sessionExpiresAt);
        return new Tokens(access.token(), access.expiresAt(), refreshToken, sessionId, userId, sessionVersion);
    }

    private static String truncate(String userAgent) {
        if (userAgent == null) {
            return null;
        }
        return userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
    }

    private record Attempt(Rotation rotation, AccessCheck.State state) {
    }

    /** A fresh token pair; {@code sessionVersion} is the session's version after the command. */
    public record Tokens(String accessToken, Instant accessTokenExpiresAt, String refreshToken, SessionId sessionId,
                         UserId userId, long sessionVersion) {

        @Override
        public String toString() {
            return "Tokens[sessionId=" + sessionId + "]";
        }
    }
}
