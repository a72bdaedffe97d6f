package dev.ledgerline.identity.commands;

import java.util.Set;

import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a user with a unique username and email; the password arrives already hashed. */
public record RegisterUser(@TargetAggregateIdentifier UserId userId, String username, String email, String fullName,
                           PasswordHash password, Set<Role> roles) {

    public RegisterUser {
        roles = Set.copyOf(roles);
    }
}
