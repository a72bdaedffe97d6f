package dev.ledgerline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@EndToEndTest
class AuthenticationEndToEndTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void a_registered_user_logs_in_and_is_the_current_user_of_their_requests() {
        TestUser user = TestUsers.register(http);

        Http.Response me = http.get("/api/users/me", user.accessToken());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("id").asText()).isEqualTo(user.id().toString());
        assertThat(me.body().path("username").asText()).isEqualTo(user.username());
        assertThat(me.body().path("roles").toString()).isEqualTo("[\"USER\"]");
        assertThat(me.body().path("active").asBoolean()).isTrue();
    }

    @Test
    void a_request_without_a_token_is_answered_401_with_a_bearer_challenge() {
        Http.Response me = http.get("/api/users/me", null);

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(me.contentType()).startsWith("application/problem+json");
    }

    @Test
    void health_and_the_api_documentation_need_no_token() {
        assertThat(http.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(http.get("/v3/api-docs", null).status()).isEqualTo(200);
        var docs = http.get("/v3/api-docs", null).body();
        assertThat(docs.path("paths").has("/api/auth/login")).isTrue();
        assertThat(docs.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
        assertThat(docs.path("paths").path("/api/users/me").path("get").path("security").toString())
                .contains("bearer");
        assertThat(docs.path("paths").path("/api/auth/login").path("post").has("security")).isFalse();
    }

    @Test
    void the_first_admin_may_list_users_and_a_plain_user_may_not() {
        TestUser admin = TestUsers.admin(http);
        TestUser user = TestUsers.register(http);

        assertThat(http.get("/api/admin/users?q=" + user.username(), admin.accessToken()).body()
                .path("items").get(0).path("id").asText()).isEqualTo(user.id().toString());
        assertThat(http.get("/api/admin/users", user.accessToken()).status()).isEqualTo(403);
    }
}
