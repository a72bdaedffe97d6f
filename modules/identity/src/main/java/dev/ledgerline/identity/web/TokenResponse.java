package dev.ledgerline.identity.web;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.ledgerline.identity.domain.SessionService;

/** The answer to login and refresh. */
record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, UUID sessionId) {

    static TokenResponse of(SessionService.Tokens tokens) {
        long expiresIn = Math.max(0, Duration.between(Instant.now(), tokens.accessTokenExpiresAt()).toSeconds());
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), "Bearer", expiresIn,
                tokens.sessionId().value());
    }

    @Override
    public String toString() {
        return "TokenResponse[sessionId=" + sessionId + "]";
    }
}
