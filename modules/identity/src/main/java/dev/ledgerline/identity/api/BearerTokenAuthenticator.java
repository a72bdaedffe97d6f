package dev.ledgerline.identity.api;

import org.springframework.security.core.AuthenticationException;

/** Turns a bearer access token into the request's authentication; used by the security filter chain. */
public interface BearerTokenAuthenticator {

    /**
     * @throws AuthenticationException when the token is malformed, forged, expired, of the wrong type, or its session
     *                                 is revoked or its user deactivated or deleted
     */
    BearerAuthentication authenticate(String token);
}
