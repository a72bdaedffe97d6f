package dev.ledgerline.support;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static dev.ledgerline.support.Http.json;

/**
 * Users for end-to-end tests. {@link #register} makes a new user with a unique random name and logs them in (about
 * half a second: bcrypt at cost 12, twice); {@link #admin} logs in the first admin that the test configuration
 * creates at start.
 */
public final class TestUsers {

    public static final String ADMIN_USERNAME = "test-admin";
    public static final String ADMIN_EMAIL = "test-admin@ledgerline.test";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /** The access-token key of the test application; tests use it to forge tokens. */
    public static final String JWT_SECRET = "test-only-access-token-key-0123456789abcdef";
    public static final String PASSWORD = "correct horse battery";

    private static final Map<String, TestUser> ADMINS = new ConcurrentHashMap<>();

    private TestUsers() {
    }

    /** A logged-in user. */
    public record TestUser(UUID id, String username, String email, String password, String accessToken,
                           String refreshToken, UUID sessionId) {
    }

    public static TestUser register(Http http) {
        return register(http, "user");
    }

    /** Registers {@code <prefix>-<random>} with email {@code <that>@example.test} and logs them in. */
    public static TestUser register(Http http, String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
        String email = username + "@example.test";
        Http.Response registered = http.post("/api/auth/register",
                json("username", username, "email", email, "password", PASSWORD, "fullName", "Test " + prefix), null);
        if (registered.status() != 201) {
            throw new IllegalStateException("Registration failed: " + registered);
        }
        TestUser user = login(http, username, PASSWORD);
        if (!user.id().toString().equals(registered.body().path("id").asText())) {
            throw new IllegalStateException("Logged in as someone else: " + registered);
        }
        return user;
    }

    /** The configured first admin, logged in (the session is reused while it works). */
    public static TestUser admin(Http http) {
        TestUser cached = ADMINS.get(http.baseUrl());
        if (cached != null && http.get("/api/users/me", cached.accessToken()).status() == 200) {
            return cached;
        }
        TestUser admin = login(http, ADMIN_USERNAME, ADMIN_PASSWORD);
        ADMINS.put(http.baseUrl(), admin);
        return admin;
    }

    public static TestUser login(Http http, String username, String password) {
        Http.Response login = http.post("/api/auth/login", json("username", username, "password", password), null);
        if (login.status() != 200) {
            throw new IllegalStateException("Login failed: " + login);
        }
        String accessToken = login.body().path("accessToken").asText();
        Http.Response me = http.get("/api/users/me", accessToken);
        if (me.status() != 200) {
            throw new IllegalStateException("Cannot read the logged-in user: " + me);
        }
        return new TestUser(UUID.fromString(me.body().path("id").asText()), me.body().path("username").asText(),
                me.body().path("email").asText(), password, accessToken, login.body().path("refreshToken").asText(),
                UUID.fromString(login.body().path("sessionId").asText()));
    }
}
