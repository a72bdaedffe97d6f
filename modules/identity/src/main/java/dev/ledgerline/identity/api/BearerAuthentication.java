package dev.ledgerline.identity.api;

import java.util.Set;

import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by a valid access token: its name is the user id, its authorities {@code ROLE_<role>}. */
public final class BearerAuthentication extends AbstractAuthenticationToken {

    private final UserId userId;
    private final SessionId sessionId;

    public BearerAuthentication(UserId userId, SessionId sessionId, Set<Role> roles) {
        super(roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.userId = userId;
        this.sessionId = sessionId;
        setAuthenticated(true);
    }

    public UserId userId() {
        return userId;
    }

    public SessionId sessionId() {
        return sessionId;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return userId.toString();
    }

    @Override
    public String getName() {
        return userId.toString();
    }
}
