package dev.ledgerline.bootstrap.security;

import java.io.IOException;

import dev.ledgerline.identity.api.BearerTokenAuthenticator;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <access token>}. A request without that header goes on anonymous (and
 * meets the entry point if the route needs a user); a request with a bad token is refused with 401 on any route.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "bearer ";

    private final BearerTokenAuthenticator authenticator;
    private final AuthenticationEntryPoint entryPoint;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(BearerTokenAuthenticator authenticator, AuthenticationEntryPoint entryPoint) {
        this.authenticator = authenticator;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        try {
            if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
                throw new InvalidBearerToken("Only bearer tokens are accepted");
            }
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(authenticator.authenticate(header.substring(PREFIX.length()).trim()));
            contexts.setContext(context);
        } catch (AuthenticationException e) {
            contexts.clearContext();
            entryPoint.commence(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }

    static final class InvalidBearerToken extends AuthenticationException {
        InvalidBearerToken(String message) {
            super(message);
        }
    }
}
