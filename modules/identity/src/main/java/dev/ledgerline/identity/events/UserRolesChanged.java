package dev.ledgerline.identity.events;

import java.util.Set;

import org.axonframework.serialization.Revision;

/** An admin gave the user exactly these roles. */
@Revision("1")
public record UserRolesChanged(UserId userId, Set<Role> roles) {

    public UserRolesChanged {
        roles = Set.copyOf(roles);
    }
}
