package dev.ledgerline.identity.commands;

import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change the full name and/or email; a null field stays as it is. */
public record ChangeProfile(@TargetAggregateIdentifier UserId userId, String fullName, String email) {
}
