package dev.ledgerline.identity.commands;

import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin deactivates a user. */
public record DeactivateUser(@TargetAggregateIdentifier UserId userId, UserId deactivatedBy) {
}
