package dev.ledgerline.identity.commands;

import dev.ledgerline.identity.events.SessionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End the session whose refresh token (current or already rotated) has this hash. */
public record LogOut(@TargetAggregateIdentifier SessionId sessionId, String presentedHash) {
}
