package dev.ledgerline.identity.commands;

import java.util.Set;

import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin gives the user exactly these roles (USER is always kept). */
public record ChangeRoles(@TargetAggregateIdentifier UserId userId, Set<Role> roles, UserId changedBy) {

    public ChangeRoles {
        roles = Set.copyOf(roles);
    }
}
