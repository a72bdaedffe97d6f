package dev.ledgerline.identity;

import static dev.ledgerline.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Register, log in, refresh, reuse, log out, change password, deactivate, delete: over HTTP, on PostgreSQL. */
@EndToEndTest
class IdentityLifecycleTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;
    EventLog events;

    @BeforeEach
    void connect() {
        http = new Http(port);
        events = new EventLog(jdbc);
    }

    @Test
    void registering_answers_the_new_user_and_never_stores_the_password_in_an_event() {
        String username = "reg-" + System.nanoTime();
        Http.Response registered = http.post("/api/auth/register", json("username", username,
                "email", username + "@Example.TEST", "password", "a secret password", "fullName", "Reg Ister"), null);

        assertThat(registered.status()).isEqualTo(201);
        JsonNode body = registered.body();
        assertThat(body.path("username").asText()).isEqualTo(username);
        assertThat(body.path("email").asText()).isEqualTo(username + "@Example.TEST");
        assertThat(body.path("fullName").asText()).isEqualTo("Reg Ister");
        assertThat(body.path("roles").toString()).isEqualTo("[\"USER\"]");
        assertThat(body.path("active").asBoolean()).isTrue();
        assertThat(body.path("createdAt").asText()).isNotBlank();
        assertThat(body.properties()).extracting(entry -> entry.getKey())
                .containsExactly("id", "username", "email", "fullName", "roles", "active", "createdAt");
        TestUser user = TestUsers.login(http, username.toUpperCase(), "a secret password");
        assertThat(user.id().toString()).isEqualTo(body.path("id").asText());
        assertThat(events.everything()).noneMatch(text -> text.contains("a secret password")
                || text.contains("$2a$") || text.contains(user.refreshToken()) || text.contains(user.accessToken()));
    }

    @Test
    void a_user_logs_in_with_their_email_in_any_case() {
        TestUser user = TestUsers.register(http);

        TestUser again = TestUsers.login(http, user.email().toUpperCase(), user.password());

        assertThat(again.id()).isEqualTo(user.id());
        assertThat(again.sessionId()).isNotEqualTo(user.sessionId());
    }

    @Test
    void login_answers_a_bearer_token_pair_that_no_cache_keeps() {
        TestUser user = TestUsers.register(http);

        Http.Response login = http.post("/api/auth/login",
                json("username", user.username(), "password", user.password()), null);

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("Cache-Control")).contains("no-store");
        assertThat(login.body().path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(login.body().path("expiresIn").asLong()).isBetween(890L, 900L);
        assertThat(login.body().path("refreshToken").asText()).hasSize(66);
        assertThat(login.body().properties()).extracting(entry -> entry.getKey())
                .containsExactly("accessToken", "refreshToken", "tokenType", "expiresIn", "sessionId");
    }

    @Test
    void a_refresh_rotates_the_pair_and_a_rotated_token_presented_again_revokes_the_whole_family() {
        TestUser user = TestUsers.register(http);

        Http.Response first = refresh(user.refreshToken());
        assertThat(first.status()).isEqualTo(200);
        String rotated = first.body().path("refreshToken").asText();
        String newAccess = first.body().path("accessToken").asText();
        assertThat(rotated).isNotEqualTo(user.refreshToken());
        assertThat(first.body().path("sessionId").asText()).isEqualTo(user.sessionId().toString());
        assertThat(http.get("/api/users/me", newAccess).status()).isEqualTo(200);

        Http.Response reused = refresh(user.refreshToken());

        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.body().path("type").asText()).isEqualTo("https://ledgerline.dev/problems/refresh-token-reused");
        assertThat(refresh(rotated).status()).isEqualTo(401);
        assertThat(http.get("/api/users/me", newAccess).status()).isEqualTo(401);
        assertThat(http.get("/api/users/me", user.accessToken()).status()).isEqualTo(401);
        List<EventLog.Event> sessionEvents = events.of(user.sessionId());
        assertThat(sessionEvents).extracting(EventLog.Event::type)
                .containsExactly("SessionStarted", "TokenRotated", "TokenRevoked");
        assertThat(sessionEvents.get(2).payload().path("reason").asText()).isEqualTo("REUSE_DETECTED");
        assertThat(sessionEvents.get(2).payload().path("sessionId").path("value").asText())
                .isEqualTo(user.sessionId().toString());
    }

    @Test
    void logging_out_revokes_the_session_and_its_access_token_at_once() {
        TestUser user = TestUsers.register(http);

        Http.Response logout = http.post("/api/auth/logout", json("refreshToken", user.refreshToken()), null);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(http.get("/api/users/me", user.accessToken()).status()).isEqualTo(401);
        assertThat(refresh(user.refreshToken()).status()).isEqualTo(401);
        EventLog.Event revoked = events.of(user.sessionId()).get(1);
        assertThat(revoked.type()).isEqualTo("TokenRevoked");
        assertThat(revoked.payload().path("reason").asText()).isEqualTo("LOGOUT");
    }

    @Test
    void the_sessions_list_shows_the_callers_live_sessions_and_marks_the_current_one() {
        TestUser user = TestUsers.register(http);
        TestUser phone = login(user, "Phone/1.0");
        TestUsers.login(http, user.username(), user.password());
        TestUser other = TestUsers.register(http);

        Http.Response list = http.get("/api/auth/sessions", phone.accessToken());

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).hasSize(3);
        JsonNode current = find(list.body(), phone.sessionId().toString());
        assertThat(current.path("current").asBoolean()).isTrue();
        assertThat(current.path("userAgent").asText()).isEqualTo("Phone/1.0");
        assertThat(current.path("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(current.path("createdAt").asText()).isNotBlank();
        assertThat(current.path("lastUsedAt").asText()).isNotBlank();
        assertThat(current.path("expiresAt").asText()).isNotBlank();
        assertThat(find(list.body(), user.sessionId().toString()).path("current").asBoolean()).isFalse();
        assertThat(http.get("/api/auth/sessions", other.accessToken()).body()).hasSize(1);
    }

    @Test
    void a_user_ends_one_of_their_sessions_but_another_users_session_answers_404() {
        TestUser user = TestUsers.register(http);
        TestUser laptop = TestUsers.login(http, user.username(), user.password());
        TestUser stranger = TestUsers.register(http);

        Http.Response foreign = http.delete("/api/auth/sessions/" + user.sessionId(), stranger.accessToken());
        Http.Response missing = http.delete("/api/auth/sessions/" + java.util.UUID.randomUUID(), stranger.accessToken());
        Http.Response own = http.delete("/api/auth/sessions/" + laptop.sessionId(), user.accessToken());

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.body().path("type").asText()).isEqualTo(missing.body().path("type").asText());
        assertThat(http.get("/api/users/me", user.accessToken()).status()).isEqualTo(200);
        assertThat(own.status()).isEqualTo(204);
        assertThat(http.get("/api/users/me", laptop.accessToken()).status()).isEqualTo(401);
        assertThat(http.get("/api/auth/sessions", user.accessToken()).body()).hasSize(1);
    }

    @Test
    void changing_the_password_revokes_every_other_session_and_keeps_this_one() {
        TestUser user = TestUsers.register(http);
        TestUser elsewhere = TestUsers.login(http, user.username(), user.password());

        Http.Response changed = http.put("/api/users/me/password",
                json("currentPassword", user.password(), "newPassword", "a brand new password"), user.accessToken());

        assertThat(changed.status()).isEqualTo(204);
        assertThat(http.get("/api/users/me", elsewhere.accessToken()).status()).isEqualTo(401);
        assertThat(refresh(elsewhere.refreshToken()).status()).isEqualTo(401);
        assertThat(http.get("/api/users/me", user.accessToken()).status()).isEqualTo(200);
        assertThat(http.post("/api/auth/login", json("username", user.username(), "password", user.password()), null)
                .status()).isEqualTo(401);
        assertThat(TestUsers.login(http, user.username(), "a brand new password").id()).isEqualTo(user.id());
        EventLog.Event revoked = events.of(elsewhere.sessionId()).get(1);
        assertThat(revoked.payload().path("reason").asText()).isEqualTo("PASSWORD_CHANGED");
        assertThat(revoked.metadata().path("actor").asText()).isEqualTo(user.id().toString());
    }

    @Test
    void a_wrong_current_password_changes_nothing() {
        TestUser user = TestUsers.register(http);
        TestUser elsewhere = TestUsers.login(http, user.username(), user.password());

        Http.Response changed = http.put("/api/users/me/password",
                json("currentPassword", "not my password", "newPassword", "a brand new password"), user.accessToken());

        assertThat(changed.status()).isEqualTo(400);
        assertThat(changed.body().path("type").asText()).isEqualTo("https://ledgerline.dev/problems/incorrect-password");
        assertThat(http.get("/api/users/me", elsewhere.accessToken()).status()).isEqualTo(200);
        assertThat(events.of(user.id())).extracting(EventLog.Event::type).containsExactly("UserRegistered");
    }

    @Test
    void the_profile_changes_and_a_taken_email_is_refused() {
        TestUser user = TestUsers.register(http);
        TestUser other = TestUsers.register(http);

        Http.Response changed = http.patch("/api/users/me", json("fullName", "New Name"), user.accessToken());
        Http.Response taken = http.patch("/api/users/me", json("email", other.email().toUpperCase()), user.accessToken());

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("fullName").asText()).isEqualTo("New Name");
        assertThat(changed.body().path("email").asText()).isEqualTo(user.email());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body().path("type").asText()).isEqualTo("https://ledgerline.dev/problems/email-taken");
        assertThat(http.get("/api/users/me", user.accessToken()).body().path("fullName").asText()).isEqualTo("New Name");
    }

    @Test
    void a_new_email_is_claimed_and_the_old_one_is_freed() {
        TestUser user = TestUsers.register(http);
        TestUser other = TestUsers.register(http);
        String moved = "Moved-" + user.email();

        Http.Response changed = http.patch("/api/users/me", json("email", moved), user.accessToken());

        assertThat(changed.body().path("email").asText()).isEqualTo(moved);
        assertThat(http.patch("/api/users/me", json("email", user.email()), other.accessToken()).status())
                .isEqualTo(200);
        assertThat(http.patch("/api/users/me", json("email", moved.toUpperCase()), other.accessToken()).status())
                .isEqualTo(409);
        assertThat(TestUsers.login(http, moved.toLowerCase(), user.password()).id()).isEqualTo(user.id());
    }

    @Test
    void deactivation_blocks_an_existing_access_token_at_once_and_reactivation_lets_the_user_log_in_again() {
        TestUser admin = TestUsers.admin(http);
        TestUser user = TestUsers.register(http);

        Http.Response deactivated = http.post("/api/admin/users/" + user.id() + "/deactivate", null, admin.accessToken());

        assertThat(deactivated.status()).isEqualTo(200);
        assertThat(deactivated.body().path("active").asBoolean()).isFalse();
        assertThat(http.get("/api/users/me", user.accessToken()).status()).isEqualTo(401);
        assertThat(refresh(user.refreshToken()).status()).isEqualTo(401);
        Http.Response refused = http.post("/api/auth/login",
                json("username", user.username(), "password", user.password()), null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().path("type").asText()).endsWith("/invalid-credentials");
        events.await(user.id(), all -> all.stream().anyMatch(event -> event.type().equals("LoginFailed")
                && event.payload().path("reason").asText().equals("ACCOUNT_DEACTIVATED")));
        EventLog.Event revoked = events.of(user.sessionId()).get(1);
        assertThat(revoked.payload().path("reason").asText()).isEqualTo("USER_DEACTIVATED");
        assertThat(revoked.metadata().path("actor").asText()).isEqualTo(admin.id().toString());

        Http.Response reactivated = http.post("/api/admin/users/" + user.id() + "/reactivate", null, admin.accessToken());

        assertThat(reactivated.body().path("active").asBoolean()).isTrue();
        assertThat(http.get("/api/users/me", user.accessToken()).status()).isEqualTo(401);
        assertThat(TestUsers.login(http, user.username(), user.password()).id()).isEqualTo(user.id());
    }

    @Test
    void an_admin_changes_roles_and_the_new_roles_apply_to_existing_tokens_at_once() {
        TestUser admin = TestUsers.admin(http);
        TestUser user = TestUsers.register(http);

        Http.Response changed = http.put("/api/admin/users/" + user.id() + "/roles", json("roles", List.of("ADMIN")),
                admin.accessToken());

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("roles").toString()).isEqualTo("[\"ADMIN\",\"USER\"]");
        assertThat(http.get("/api/admin/users?limit=1", user.accessToken()).status()).isEqualTo(200);
        http.put("/api/admin/users/" + user.id() + "/roles", json("roles", List.of("USER")), admin.accessToken());
        assertThat(http.get("/api/admin/users?limit=1", user.accessToken()).status()).isEqualTo(403);
    }

    @Test
    void admin_routes_answer_403_to_users_and_404_for_unknown_users() {
        TestUser admin = TestUsers.admin(http);
        TestUser user = TestUsers.register(http);
        String unknown = java.util.UUID.randomUUID().toString();

        assertThat(http.post("/api/admin/users/" + admin.id() + "/deactivate", null, user.accessToken()).status())
                .isEqualTo(403);
        assertThat(http.delete("/api/admin/users/" + admin.id(), user.accessToken()).status()).isEqualTo(403);
        assertThat(http.post("/api/admin/users/" + unknown + "/deactivate", null, admin.accessToken()).status())
                .isEqualTo(404);
        assertThat(http.delete("/api/admin/users/" + unknown, admin.accessToken()).status()).isEqualTo(404);
        assertThat(http.post("/api/admin/users/" + admin.id() + "/deactivate", null, admin.accessToken()).status())
                .isEqualTo(409);
    }

    @Test
    void the_admin_user_list_filters_and_pages_with_a_cursor() {
        TestUser admin = TestUsers.admin(http);
        String tag = "page" + Long.toString(System.nanoTime(), 36);
        TestUser first = TestUsers.register(http, tag + "a");
        TestUser second = TestUsers.register(http, tag + "b");
        TestUser third = TestUsers.register(http, tag + "c");
        http.post("/api/admin/users/" + second.id() + "/deactivate", null, admin.accessToken());

        JsonNode page1 = http.get("/api/admin/users?q=" + tag + "&limit=2", admin.accessToken()).body();
        JsonNode page2 = http.get("/api/admin/users?q=" + tag + "&limit=2&cursor=" + page1.path("nextCursor").asText(),
                admin.accessToken()).body();
        JsonNode active = http.get("/api/admin/users?q=" + tag + "&active=true", admin.accessToken()).body();

        assertThat(page1.path("items")).extracting(node -> node.path("id").asText())
                .containsExactly(first.id().toString(), second.id().toString());
        assertThat(page2.path("items")).extracting(node -> node.path("id").asText())
                .containsExactly(third.id().toString());
        assertThat(page2.path("nextCursor").isNull()).isTrue();
        assertThat(active.path("items")).extracting(node -> node.path("id").asText())
                .containsExactly(first.id().toString(), third.id().toString());
    }

    @Test
    void deleting_the_account_needs_the_password_revokes_everything_and_frees_the_names() {
        TestUser user = TestUsers.register(http);

        Http.Response refused = deleteMe(user, "not my password");
        Http.Response deleted = deleteMe(user, user.password());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(http.get("/api/users/me", user.accessToken()).status()).isEqualTo(401);
        assertThat(refresh(user.refreshToken()).status()).isEqualTo(401);
        assertThat(http.post("/api/auth/login", json("username", user.username(), "password", user.password()), null)
                .status()).isEqualTo(401);
        assertThat(events.of(user.id())).extracting(EventLog.Event::type).containsExactly("UserRegistered", "UserDeleted");
        assertThat(events.of(user.sessionId()).get(1).payload().path("reason").asText()).isEqualTo("USER_DELETED");
        Http.Response again = http.post("/api/auth/register", json("username", user.username(),
                "email", user.email(), "password", "another password", "fullName", "Second Life"), null);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().path("id").asText()).isNotEqualTo(user.id().toString());
    }

    @Test
    void an_admin_deletes_a_user_and_their_tokens_stop_working_at_once() {
        TestUser admin = TestUsers.admin(http);
        TestUser user = TestUsers.register(http);

        Http.Response deleted = http.delete("/api/admin/users/" + user.id(), admin.accessToken());

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(http.get("/api/users/me", user.accessToken()).status()).isEqualTo(401);
        assertThat(http.get("/api/admin/users?q=" + user.username(), admin.accessToken()).body().path("items")).isEmpty();
        assertThat(events.of(user.id()).get(1).metadata().path("actor").asText()).isEqualTo(admin.id().toString());
    }

    @Test
    void an_admin_revokes_every_session_of_a_user() {
        TestUser admin = TestUsers.admin(http);
        TestUser user = TestUsers.register(http);

        Http.Response revoked = http.delete("/api/admin/users/" + user.id() + "/sessions", admin.accessToken());

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(http.get("/api/users/me", user.accessToken()).status()).isEqualTo(401);
        assertThat(events.of(user.sessionId()).get(1).payload().path("reason").asText()).isEqualTo("ADMIN");
    }

    private Http.Response refresh(String refreshToken) {
        return http.post("/api/auth/refresh", json("refreshToken", refreshToken), null);
    }

    private Http.Response deleteMe(TestUser user, String password) {
        return http.send(http.request("/api/users/me", user.accessToken())
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\":\"" + password + "\"}"))
                .header("Content-Type", "application/json").build());
    }

    private TestUser login(TestUser user, String userAgent) {
        Http.Response login = http.send(http.request("/api/auth/login", null)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user.username() + "\",\"password\":\"" + user.password() + "\"}"))
                .header("Content-Type", "application/json").header("User-Agent", userAgent).build());
        assertThat(login.status()).isEqualTo(200);
        return new TestUser(user.id(), user.username(), user.email(), user.password(),
                login.body().path("accessToken").asText(), login.body().path("refreshToken").asText(),
                java.util.UUID.fromString(login.body().path("sessionId").asText()));
    }

    private static JsonNode find(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (node.path("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("No " + id + " in " + array);
    }
}
