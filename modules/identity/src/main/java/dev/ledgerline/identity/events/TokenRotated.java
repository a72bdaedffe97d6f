package dev.ledgerline.identity.events;

import org.axonframework.serialization.Revision;

/** The session's refresh token was used and replaced by the one with this SHA-256 hash. */
@Revision("1")
public record TokenRotated(SessionId sessionId, UserId userId, String tokenHash) {
}
