package dev.ledgerline.identity.commands;

import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin reactivates a deactivated user. */
public record ReactivateUser(@TargetAggregateIdentifier UserId userId) {
}
