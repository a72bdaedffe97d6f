package dev.ledgerline.identity.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Throttles logins per login name (as typed, case-insensitively; whether or not an account has it, so the answer
 * tells nothing about which names exist), in the table identity_login_throttle that every node shares.
 * <p>
 * Every attempt counts as a failure when it starts and is forgotten when it succeeds. The attempt that reaches the
 * limit sets the lock before its password is even checked, so parallel guesses cannot slip past the limit while
 * the first ones are still being judged: from then on only one attempt per lock period goes ahead.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock = Clock.systemUTC();
    private final IdentityProperties.LoginThrottle policy;

    LoginThrottle(JdbcTemplate jdbc, TransactionTemplate transaction, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.policy = properties.loginThrottle();
    }

    /** Counts the attempt, or answers how long the name is still locked (and then the attempt must not go on). */
    Optional<Duration> attempt(String loginName) {
        String key = key(loginName);
        Instant now = clock.instant();
        return transaction.execute(status -> {
            jdbc.update("INSERT INTO identity_login_throttle (login_key, failures, last_failure_at) VALUES (?, 0, ?) "
                    + "ON CONFLICT (login_key) DO NOTHING", key, Timestamp.from(now));
            State state = jdbc.queryForObject("SELECT failures, last_failure_at, locked_until "
                            + "FROM identity_login_throttle WHERE login_key = ? FOR UPDATE",
                    (row, i) -> new State(row.getInt(1), instant(row.getTimestamp(2)), instant(row.getTimestamp(3))),
                    key);
            if (state.lockedUntil() != null && state.lockedUntil().isAfter(now)) {
                return Optional.of(Duration.between(now, state.lockedUntil()));
            }
            int failures = state.lastFailure().isBefore(now.minus(policy.forgetAfter())) ? 1 : state.failures() + 1;
            Instant lockedUntil = failures >= policy.maxFailures() ? now.plus(lock(failures)) : null;
            jdbc.update("UPDATE identity_login_throttle SET failures = ?, last_failure_at = ?, locked_until = ? "
                    + "WHERE login_key = ?", failures, Timestamp.from(now),
                    lockedUntil == null ? null : Timestamp.from(lockedUntil), key);
            return Optional.<Duration>empty();
        });
    }

    /** The attempt failed; it was counted when it started. Now and then old entries are cleaned up. */
    void failed(String loginName) {
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            jdbc.update("DELETE FROM identity_login_throttle WHERE last_failure_at < ?",
                    Timestamp.from(clock.instant().minus(policy.forgetAfter()).minus(policy.maxLock())));
        }
    }

    void succeeded(String loginName) {
        jdbc.update("DELETE FROM identity_login_throttle WHERE login_key = ?", key(loginName));
    }

    private Duration lock(int failures) {
        int doublings = Math.min(failures - policy.maxFailures(), 20);
        Duration lock = policy.firstLock().multipliedBy(1L << doublings);
        return lock.compareTo(policy.maxLock()) > 0 ? policy.maxLock() : lock;
    }

    private static String key(String loginName) {
        String key = JdbcAccountStore.normalize(loginName);
        return key.length() > 320 ? key.substring(0, 320) : key;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record State(int failures, Instant lastFailure, Instant lockedUntil) {
    }
}
