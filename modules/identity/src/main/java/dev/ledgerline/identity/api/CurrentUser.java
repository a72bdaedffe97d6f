package dev.ledgerline.identity.api;

import java.util.EnumSet;
import java.util.Set;

import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The authenticated caller of the current request. Every module scopes its commands and queries with
 * {@link #id()}; it never takes a user id from the request.
 */
@Component
public class CurrentUser {

    public UserId id() {
        return UserId.of(authentication().getName());
    }

    /** The session the caller's access token belongs to. */
    public SessionId sessionId() {
        if (authentication() instanceof BearerAuthentication bearer) {
            return bearer.sessionId();
        }
        throw new AuthenticationCredentialsNotFoundException("Not authenticated by an access token");
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication().getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring("ROLE_".length())));
                } catch (IllegalArgumentException ignored) {
                    // an authority that is not one of our roles
                }
            }
        }
        return roles;
    }

    public boolean hasRole(Role role) {
        return roles().contains(role);
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new AuthenticationCredentialsNotFoundException("No authenticated user");
        }
        return authentication;
    }
}
