package dev.ledgerline.identity.queries;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ledgerline.identity.events.Role;

/** A user as the read table shows it. */
public record UserView(UUID id, String username, String email, String fullName, List<Role> roles, boolean active,
                       Instant createdAt) {

    public UserView {
        roles = List.copyOf(roles);
    }
}
