package dev.ledgerline.identity.token;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;
import org.springframework.security.authentication.BadCredentialsException;

/**
 * Access tokens: JWS compact, HS256, header {@code typ: at+jwt} (RFC 9068), claims {@code iss}, {@code sub} (user
 * id), {@code sid} (session id), {@code roles}, {@code iat}, {@code exp}, {@code jti}. Verification accepts exactly
 * that algorithm and type, so neither {@code alg: none}, nor another algorithm, nor a refresh token passes.
 */
public final class AccessTokens {

    public static final String TYPE = "at+jwt";
    public static final String ISSUER = "ledgerline";
    private static final JOSEObjectType JOSE_TYPE = new JOSEObjectType(TYPE);
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;

    public AccessTokens(byte[] key, Duration lifetime, Clock clock) {
        try {
            this.signer = new MACSigner(key);
            this.verifier = new MACVerifier(key);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("The access-token key must be at least 256 bits", e);
        }
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** Issues a token that expires after the configured lifetime, or at {@code notAfter} if that is sooner. */
    public Issued issue(UserId userId, SessionId sessionId, Set<Role> roles, Instant notAfter) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime).isAfter(notAfter) ? notAfter : now.plus(lifetime);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(userId.toString())
                .claim("sid", sessionId.toString())
                .claim("roles", roles.stream().map(Role::name).sorted().toList())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSE_TYPE).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an access token", e);
        }
        return new Issued(jwt.serialize(), expiresAt);
    }

    /** @throws BadCredentialsException for anything but a genuine, unexpired access token of ours */
    public Verified verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWSHeader header = jwt.getHeader();
            if (!JWSAlgorithm.HS256.equals(header.getAlgorithm()) || !JOSE_TYPE.equals(header.getType())
                    || !jwt.verify(verifier)) {
                throw invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            Date expires = claims.getExpirationTime();
            Date issued = claims.getIssueTime();
            if (!ISSUER.equals(claims.getIssuer()) || expires == null || !now.isBefore(expires.toInstant())
                    || issued == null || issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
                throw invalid();
            }
            return new Verified(UserId.of(claims.getSubject()), SessionId.of(claims.getStringClaim("sid")),
                    roles(claims.getStringListClaim("roles")), expires.toInstant());
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            throw invalid();
        }
    }

    private static Set<Role> roles(List<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(name -> roles.add(Role.valueOf(name)));
        }
        return roles;
    }

    private static BadCredentialsException invalid() {
        return new BadCredentialsException("Invalid access token");
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public record Verified(UserId userId, SessionId sessionId, Set<Role> roles, Instant expiresAt) {
    }
}
