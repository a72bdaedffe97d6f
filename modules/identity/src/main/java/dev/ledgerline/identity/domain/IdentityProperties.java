package dev.ledgerline.identity.domain;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of the identity module ({@code ledgerline.identity.*}); the README lists their environment variables. */
@ConfigurationProperties("ledgerline.identity")
public record IdentityProperties(
        String jwtSecret,
        @DefaultValue("15m") Duration accessTokenLifetime,
        @DefaultValue("30d") Duration refreshTokenLifetime,
        @DefaultValue("2s") Duration accessCheckCache,
        @DefaultValue LoginThrottle loginThrottle,
        @DefaultValue Admin admin) {

    /** After {@code maxFailures} failed logins for one login name it is locked, first for {@code firstLock}, then
     * twice as long after every further failure, up to {@code maxLock}; failures are forgotten after
     * {@code forgetAfter} without one, or on a successful login. */
    public record LoginThrottle(@DefaultValue("5") int maxFailures, @DefaultValue("30s") Duration firstLock,
                                @DefaultValue("15m") Duration maxLock, @DefaultValue("1h") Duration forgetAfter) {
    }

    /** The first admin, created at start when no admin exists and all three are set. */
    public record Admin(String username, String email, String password) {

        boolean configured() {
            return username != null && !username.isBlank() && email != null && !email.isBlank()
                    && password != null && !password.isBlank();
        }
    }
}
