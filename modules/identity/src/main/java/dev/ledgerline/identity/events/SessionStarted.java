package dev.ledgerline.identity.events;

import java.time.Instant;

import org.axonframework.serialization.Revision;

/** The user logged in: a session began whose refresh token has this SHA-256 hash and absolute expiry. */
@Revision("1")
public record SessionStarted(SessionId sessionId, UserId userId, String tokenHash, Instant expiresAt,
                             String userAgent) {
}
