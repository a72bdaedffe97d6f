package dev.ledgerline.identity.commands;

import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change the password, proving the current one. */
public record ChangePassword(@TargetAggregateIdentifier UserId userId, String currentPassword,
                             PasswordHash newPassword) {

    @Override
    public String toString() {
        return "ChangePassword[userId=" + userId + "]";
    }
}
