package dev.ledgerline.identity.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per login name (as typed, case-insensitively; whether or not an account has it, so the answer
 * tells nothing about which names exist) in the table identity_login_throttle, shared by every node.
 */
@Component
class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();
    private final IdentityProperties.LoginThrottle policy;

    LoginThrottle(JdbcTemplate jdbc, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.policy = properties.loginThrottle();
    }

    /** How long the name is still locked, if it is. */
    Optional<Duration> lockedFor(String loginName) {
        Instant now = clock.instant();
        return jdbc.query("SELECT locked_until FROM identity_login_throttle WHERE login_key = ? AND locked_until > ?",
                        (row, i) -> row.getTimestamp(1).toInstant(), key(loginName), Timestamp.from(now))
                .stream().findFirst().map(until -> Duration.between(now, until));
    }

    void failed(String loginName) {
        Instant now = clock.instant();
        Integer failures = jdbc.queryForObject("""
                INSERT INTO identity_login_throttle AS t (login_key, failures, last_failure_at)
                VALUES (?, 1, ?)
                ON CONFLICT (login_key) DO UPDATE SET
                    failures = CASE WHEN t.last_failure_at < ? THEN 1 ELSE t.failures + 1 END,
                    last_failure_at = excluded.last_failure_at
                RETURNING failures""", Integer.class, key(loginName), Timestamp.from(now),
                Timestamp.from(now.minus(policy.forgetAfter())));
        if (failures != null && failures >= policy.maxFailures()) {
            jdbc.update("UPDATE identity_login_throttle SET locked_until = ? WHERE login_key = ?",
                    Timestamp.from(now.plus(lock(failures))), key(loginName));
        }
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            jdbc.update("DELETE FROM identity_login_throttle WHERE last_failure_at < ?",
                    Timestamp.from(now.minus(policy.forgetAfter()).minus(policy.maxLock())));
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
}
