package dev.ledgerline.identity.commands;

import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The user deletes their own account, proving their password. */
public record DeleteOwnAccount(@TargetAggregateIdentifier UserId userId, String password) {

    @Override
    public String toString() {
        return "DeleteOwnAccount[userId=" + userId + "]";
    }
}
