package dev.ledgerline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tokens an attacker might try: every one answers 401 with a bearer challenge and problem+json. */
@EndToEndTest
class AccessTokenAttackTest {

    private static final byte[] KEY = TestUsers.JWT_SECRET.getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;
    Http http;
    static TestUser user;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        if (user == null) {
            user = TestUsers.register(http);
        }
    }

    @Test
    void a_genuine_token_is_accepted_and_so_the_forgeries_below_are_judged_by_their_flaw_alone() throws Exception {
        assertThat(http.get("/api/users/me", sign(JWSAlgorithm.HS256, "at+jwt", claims(user), KEY)).status())
                .isEqualTo(200);
    }

    @Test
    void a_token_with_alg_none_is_refused() {
        String unsigned = new PlainJWT(claims(user)).serialize();
        String noneWithType = base64("{\"alg\":\"none\",\"typ\":\"at+jwt\"}") + "."
                + base64(claims(user).toString()) + ".";

        assertRefused(unsigned);
        assertRefused(noneWithType);
    }

    @Test
    void a_token_signed_with_another_key_is_refused() throws Exception {
        assertRefused(sign(JWSAlgorithm.HS256, "at+jwt", claims(user),
                "another key that is long enough for HS256!".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_token_signed_with_another_algorithm_is_refused_even_with_the_right_key() throws Exception {
        assertRefused(hmac("HS512", "HmacSHA512", claims(user)));
        assertRefused(hmac("HS384", "HmacSHA384", claims(user)));
        assertThat(http.get("/api/users/me", hmac("HS256", "HmacSHA256", claims(user))).status()).isEqualTo(200);
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        JWTClaimsSet expired = new JWTClaimsSet.Builder(claims(user))
                .issueTime(Date.from(Instant.now().minusSeconds(1000)))
                .expirationTime(Date.from(Instant.now().minusSeconds(10))).build();

        assertRefused(sign(JWSAlgorithm.HS256, "at+jwt", expired, KEY));
    }

    @Test
    void a_token_whose_claims_were_changed_after_signing_is_refused() throws Exception {
        TestUser victim = TestUsers.register(http);
        String[] parts = user.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);

        String otherUser = payload.replace(user.id().toString(), victim.id().toString());
        String moreRoles = payload.replace("[\"USER\"]", "[\"ADMIN\",\"USER\"]");

        assertThat(otherUser).isNotEqualTo(payload);
        assertThat(moreRoles).isNotEqualTo(payload);
        assertRefused(parts[0] + "." + base64(otherUser) + "." + parts[2]);
        assertRefused(parts[0] + "." + base64(moreRoles) + "." + parts[2]);
    }

    @Test
    void a_token_of_another_type_is_refused_even_when_genuinely_signed() throws Exception {
        assertRefused(sign(JWSAlgorithm.HS256, "JWT", claims(user), KEY));
        assertRefused(sign(JWSAlgorithm.HS256, null, claims(user), KEY));
    }

    @Test
    void a_token_naming_a_session_of_someone_else_is_refused() throws Exception {
        TestUser other = TestUsers.register(http);
        JWTClaimsSet mixed = new JWTClaimsSet.Builder(claims(user)).claim("sid", other.sessionId().toString()).build();

        assertRefused(sign(JWSAlgorithm.HS256, "at+jwt", mixed, KEY));
    }

    @Test
    void a_refresh_token_is_not_an_access_token() {
        assertRefused(user.refreshToken());
    }

    @Test
    void the_token_of_a_deleted_user_is_refused() {
        TestUser doomed = TestUsers.register(http);
        assertThat(http.send(http.request("/api/users/me", doomed.accessToken())
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"password\":\"" + doomed.password() + "\"}"))
                .header("Content-Type", "application/json").build()).status()).isEqualTo(204);

        assertRefused(doomed.accessToken());
    }

    @Test
    void garbage_and_other_schemes_are_refused() {
        for (String token : List.of("", "abc", "a.b.c", "Bearer", "...", user.accessToken() + "x")) {
            assertRefused(token);
        }
        Http.Response basic = http.send(http.request("/api/users/me", null)
                .header("Authorization", "Basic " + base64("admin:admin")).build());
        assertThat(basic.status()).isEqualTo(401);
    }

    @Test
    void a_bad_token_is_refused_even_on_a_public_route() {
        Http.Response login = http.post("/api/auth/login",
                Http.json("username", user.username(), "password", user.password()), "not-a-token");

        assertThat(login.status()).isEqualTo(401);
    }

    private void assertRefused(String token) {
        Http.Response answer = http.get("/api/users/me", token);
        assertThat(answer.status()).as("token %s", token).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("type").asText()).isEqualTo("https://ledgerline.dev/problems/unauthorized");
    }

    private static JWTClaimsSet claims(TestUser user) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("ledgerline")
                .subject(user.id().toString())
                .claim("sid", user.sessionId().toString())
                .claim("roles", List.of("USER"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(JWSAlgorithm algorithm, String type, JWTClaimsSet claims, byte[] key) throws Exception {
        JWSHeader.Builder header = new JWSHeader.Builder(algorithm);
        if (type != null) {
            header.type(new JOSEObjectType(type));
        }
        SignedJWT jwt = new SignedJWT(header.build(), claims);
        jwt.sign(new MACSigner(key));
        return jwt.serialize();
    }

    /** Signs by hand, so that no library refuses a key that is short for the algorithm. */
    private static String hmac(String alg, String javaAlgorithm, JWTClaimsSet claims) throws Exception {
        String signingInput = base64("{\"alg\":\"" + alg + "\",\"typ\":\"at+jwt\"}") + "." + base64(claims.toString());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance(javaAlgorithm);
        mac.init(new javax.crypto.spec.SecretKeySpec(KEY, javaAlgorithm));
        return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
