package dev.ledgerline.identity.events;

import org.axonframework.serialization.Revision;

/** The session and its whole refresh-token family were revoked, for this reason; who did it is in the metadata. */
@Revision("1")
public record TokenRevoked(SessionId sessionId, UserId userId, RevocationReason reason) {
}
