package dev.ledgerline.identity.commands;

import dev.ledgerline.identity.events.LoginFailure;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a failed login for a known account. */
public record RecordLoginFailure(@TargetAggregateIdentifier UserId userId, LoginFailure reason) {
}
