package dev.ledgerline.identity.commands;

import java.time.Instant;

import dev.ledgerline.identity.events.SessionId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Exchange the presented refresh token (by its hash) for a new one. Answers a {@link Rotation}: presenting a
 * token that was already rotated away revokes the whole session instead.
 */
public record RotateToken(@TargetAggregateIdentifier SessionId sessionId, String presentedHash, String newHash,
                          Instant now) {
}
