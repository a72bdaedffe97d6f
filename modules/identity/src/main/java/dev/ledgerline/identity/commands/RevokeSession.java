package dev.ledgerline.identity.commands;

import dev.ledgerline.identity.events.RevocationReason;
import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Revoke a session. When {@code owner} is given the session must belong to that user, otherwise it is treated as not
 * found; revoking a revoked session changes nothing.
 */
public record RevokeSession(@TargetAggregateIdentifier SessionId sessionId, RevocationReason reason, UserId owner) {
}
