package dev.ledgerline.identity.domain;

import java.time.Instant;
import java.util.List;

import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;

/** Which sessions are live, kept in the command's transaction so that revocation is effective at once. */
interface SessionIndex {

    void started(SessionId sessionId, UserId userId, Instant expiresAt);

    void revoked(SessionId sessionId);

    List<SessionId> liveSessionsOf(UserId userId);
}
