package dev.ledgerline.identity.commands;

import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin deletes a user's account. */
public record DeleteUser(@TargetAggregateIdentifier UserId userId, UserId deletedBy) {
}
