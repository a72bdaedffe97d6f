package dev.ledgerline.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;

class TokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private final AccessTokens tokens = new AccessTokens(KEY, Duration.ofMinutes(15), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void an_access_token_carries_user_session_and_roles_and_lives_fifteen_minutes() {
        UserId user = UserId.random();
        SessionId session = SessionId.random();

        AccessTokens.Issued issued = tokens.issue(user, session, Set.of(Role.USER, Role.ADMIN), NOW.plusSeconds(86400));
        AccessTokens.Verified verified = tokens.verify(issued.token());

        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(verified).isEqualTo(new AccessTokens.Verified(user, session, Set.of(Role.USER, Role.ADMIN),
                issued.expiresAt()));
    }

    @Test
    void an_access_token_never_outlives_its_session() {
        AccessTokens.Issued issued = tokens.issue(UserId.random(), SessionId.random(), Set.of(Role.USER),
                NOW.plusSeconds(60));

        assertThat(issued.expiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void a_token_is_refused_from_the_second_it_expires() {
        AccessTokens.Issued issued = tokens.issue(UserId.random(), SessionId.random(), Set.of(Role.USER),
                NOW.plusSeconds(86400));
        AccessTokens later = new AccessTokens(KEY, Duration.ofMinutes(15),
                Clock.fixed(issued.expiresAt(), ZoneOffset.UTC));

        assertThatThrownBy(() -> later.verify(issued.token())).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_refresh_token_names_its_session_and_is_256_random_bits_besides() {
        SessionId session = SessionId.random();

        String first = RefreshTokens.generate(session);
        String second = RefreshTokens.generate(session);

        assertThat(RefreshTokens.sessionOf(first)).contains(session);
        assertThat(first).isNotEqualTo(second).hasSize(66);
        assertThat(RefreshTokens.hash(first)).hasSize(64).isNotEqualTo(RefreshTokens.hash(second));
        assertThat(RefreshTokens.sessionOf(first.substring(1))).isEmpty();
        assertThat(RefreshTokens.sessionOf(first.replace('.', '-'))).isEmpty();
        assertThat(RefreshTokens.sessionOf(tokens.issue(UserId.random(), session, Set.of(), NOW.plusSeconds(60))
                .token())).isEmpty();
    }
}
