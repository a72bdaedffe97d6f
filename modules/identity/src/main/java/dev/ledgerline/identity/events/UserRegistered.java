package dev.ledgerline.identity.events;

import java.util.Set;

import org.axonframework.serialization.Revision;

/** A user registered (or was created as the first admin) with a unique username and email. */
@Revision("1")
public record UserRegistered(UserId userId, String username, String email, String fullName, Set<Role> roles) {

    public UserRegistered {
        roles = Set.copyOf(roles);
    }
}
