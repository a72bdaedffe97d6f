package dev.ledgerline.identity.queries;

import java.time.Instant;
import java.util.UUID;

/** One of the caller's live sessions; {@code current} marks the one the request's access token belongs to. */
public record SessionView(UUID id, Instant createdAt, Instant lastUsedAt, Instant expiresAt, boolean current,
                          String userAgent, String ip) {
}
