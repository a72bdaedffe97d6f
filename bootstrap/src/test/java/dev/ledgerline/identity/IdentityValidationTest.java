package dev.ledgerline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every invalid request answers 4xx problem+json and writes no event (checked through its correlation id). */
@EndToEndTest
class IdentityValidationTest {

    private static final String LONG_ASCII = "x".repeat(73);
    private static final String LONG_UTF8 = "\u20ac".repeat(25);
    private static final String NAME = "valid_name";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;
    static TestUser user;
    static TestUser admin;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        if (user == null) {
            user = TestUsers.register(http);
            admin = TestUsers.admin(http);
        }
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("POST", "/api/auth/register", register("ab", "a@example.test", "password1", "Name"), "username"),
                invalid("POST", "/api/auth/register", register("a".repeat(51), "a@example.test", "password1", "N"),
                        "username"),
                invalid("POST", "/api/auth/register", register("bad name", "a@example.test", "password1", "N"),
                        "username"),
                invalid("POST", "/api/auth/register", register("b\u00e4d", "a@example.test", "password1", "N"),
                        "username"),
                invalid("POST", "/api/auth/register", register(NAME, "not-an-email", "password1", "N"), "email"),
                invalid("POST", "/api/auth/register", register(NAME, "a@example.test", "short", "N"), "password"),
                invalid("POST", "/api/auth/register", register(NAME, "a@example.test", LONG_ASCII, "N"), "password"),
                invalid("POST", "/api/auth/register", register(NAME, "a@example.test", LONG_UTF8, "N"), "password"),
                invalid("POST", "/api/auth/register", register(NAME, "a@example.test", "password1", " "), "fullName"),
                invalid("POST", "/api/auth/register", register(NAME, "a@example.test", "password1", "n".repeat(101)),
                        "fullName"),
                invalid("POST", "/api/auth/register", register(NAME, "a@example.test", "password1", "Tab\\tName"),
                        "fullName"),
                invalid("POST", "/api/auth/register", "{\"username\":\"" + NAME + "\"}", "email"),
                invalid("POST", "/api/auth/register", "{\"username\":\"" + NAME + "\",\"email\":\"a@example.test\","
                        + "\"password\":\"password1\",\"fullName\":\"N\",\"roles\":[\"ADMIN\"]}", null),
                invalid("POST", "/api/auth/register", "{\"username\":", null),
                invalid("POST", "/api/auth/register", "[]", null),
                invalid("POST", "/api/auth/login", "{\"username\":\"someone\",\"password\":\"" + LONG_ASCII + "\"}",
                        "password"),
                invalid("POST", "/api/auth/login", "{\"password\":\"password1\"}", "username"),
                invalid("POST", "/api/auth/refresh", "{}", "refreshToken"),
                invalid("POST", "/api/auth/refresh", "{\"refreshToken\":{\"a\":1}}", null),
                invalid("POST", "/api/auth/logout", "{\"refreshToken\":\"\"}", "refreshToken"),
                invalid("PATCH", "/api/users/me", "{\"email\":\"nope\"}", "email"),
                invalid("PATCH", "/api/users/me", "{\"fullName\":\"  \"}", "fullName"),
                invalid("PATCH", "/api/users/me", "{\"fullName\":\"Bell\\u0007\"}", "fullName"),
                invalid("PATCH", "/api/users/me", "{\"username\":\"renamed\"}", null),
                invalid("PUT", "/api/users/me/password", "{\"currentPassword\":\"x\",\"newPassword\":\"short\"}",
                        "newPassword"),
                invalid("PUT", "/api/users/me/password", "{\"currentPassword\":\"x\",\"newPassword\":\""
                        + LONG_ASCII + "\"}", "newPassword"),
                invalid("DELETE", "/api/users/me", "{}", "password"),
                invalid("PUT", "/api/admin/users/" + UUID.randomUUID() + "/roles", "{\"roles\":[\"GOD\"]}", null),
                invalid("PUT", "/api/admin/users/" + UUID.randomUUID() + "/roles", "{}", "roles"),
                invalid("PUT", "/api/admin/users/not-a-uuid/roles", "{\"roles\":[\"USER\"]}", null),
                invalid("POST", "/api/admin/users/not-a-uuid/deactivate", null, null),
                invalid("DELETE", "/api/auth/sessions/not-a-uuid", null, null),
                invalid("GET", "/api/admin/users?limit=0", null, null),
                invalid("GET", "/api/admin/users?limit=101", null, null),
                invalid("GET", "/api/admin/users?cursor=%25%25", null, null),
                invalid("GET", "/api/admin/users?active=maybe", null, null));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("invalidRequests")
    void an_invalid_request_answers_400_problem_json_and_writes_nothing(String method, String path, String body,
                                                                       String field) {
        String correlationId = UUID.randomUUID().toString();
        HttpRequest.Builder request = http.request(path, path.startsWith("/api/admin") ? admin.accessToken()
                : path.startsWith("/api/auth/register") || path.startsWith("/api/auth/log")
                || path.startsWith("/api/auth/refresh") ? null : user.accessToken());
        request.header("X-Request-Id", correlationId);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        Http.Response answer = http.send(request.method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("type").asText()).startsWith("https://ledgerline.dev/problems/");
        if (field != null) {
            assertThat(answer.body().path("errors").toString()).contains("\"field\":\"" + field + "\"");
        }
        assertThat(new EventLog(jdbc).countByCorrelation(correlationId)).isZero();
    }

    @Test
    void a_taken_username_answers_409_and_writes_nothing() {
        String correlationId = UUID.randomUUID().toString();
        Http.Response answer = http.send(http.request("/api/auth/register", null)
                .header("X-Request-Id", correlationId).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(register(user.username().toUpperCase(),
                        "fresh-" + correlationId + "@example.test", "password1", "Copy"))).build());

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.body().path("type").asText()).isEqualTo("https://ledgerline.dev/problems/username-taken");
        assertThat(new EventLog(jdbc).countByCorrelation(correlationId)).isZero();
    }

    @Test
    void a_wrong_password_when_deleting_the_account_writes_nothing() {
        String correlationId = UUID.randomUUID().toString();
        Http.Response answer = http.send(http.request("/api/users/me", user.accessToken())
                .header("X-Request-Id", correlationId).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\":\"not it\"}")).build());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(new EventLog(jdbc).countByCorrelation(correlationId)).isZero();
        assertThat(http.get("/api/users/me", user.accessToken()).status()).isEqualTo(200);
    }

    private static Arguments invalid(String method, String path, String body, String field) {
        return Arguments.of(method, path, body, field);
    }

    private static String register(String username, String email, String password, String fullName) {
        return "{\"username\":\"" + username + "\",\"email\":\"" + email + "\",\"password\":\"" + password
                + "\",\"fullName\":\"" + fullName + "\"}";
    }
}
