package dev.ledgerline.identity.commands;

import java.time.Instant;

import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Start a session for a user who has just proven their password. */
public record StartSession(@TargetAggregateIdentifier SessionId sessionId, UserId userId, String tokenHash,
                           Instant expiresAt, String userAgent) {
}
