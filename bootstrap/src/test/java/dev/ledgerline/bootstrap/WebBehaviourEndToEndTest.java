package dev.ledgerline.bootstrap;

import java.net.http.HttpRequest;
import java.util.UUID;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests to a real command route answer 4xx problem+json with a stable type and write nothing. */
@EndToEndTest
class WebBehaviourEndToEndTest {

    private static final String REGISTER = "/api/auth/register";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_body_that_is_not_json_answers_415() {
        assertRefused(raw("text/plain", "username=x"), 415, "unsupported-media-type");
    }

    @Test
    void malformed_json_answers_400() {
        assertRefused(raw("application/json", "{\"username\": "), 400, "malformed-request");
    }

    @Test
    void an_unknown_property_answers_400_naming_it() {
        Http.Response response = assertRefused(raw("application/json", "{\"username\":\"someone\",\"email\":"
                + "\"someone@example.test\",\"password\":\"long enough secret\",\"fullName\":\"S\",\"isAdmin\":true}"),
                400, "malformed-request");

        assertThat(response.body().get("detail").asText()).contains("isAdmin");
    }

    @Test
    void a_value_of_the_wrong_shape_answers_400() {
        assertRefused(raw("application/json", "{\"username\":[\"a\"],\"email\":\"e@example.test\","
                + "\"password\":\"long enough secret\",\"fullName\":\"S\"}"), 400, "malformed-request");
    }

    @Test
    void an_unknown_method_on_a_known_route_answers_405() {
        Http http = new Http(port);
        String token = TestUsers.register(http, "web").accessToken();
        Http.Response response = http.send(http.request("/api/conversations", token).DELETE().build());

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.body().get("type").asText()).isEqualTo("https://ledgerline.dev/problems/method-not-allowed");
    }

    @Test
    void a_path_the_firewall_refuses_answers_400_problem_json() {
        Http http = new Http(port);
        String token = TestUsers.register(http, "web").accessToken();

        Http.Response response = assertRefused(http.request("/api/conversations//messages", token).GET(), 400,
                "malformed-request");

        assertThat(response.body().get("detail").asText()).contains("\"//\"");
    }

    private Http.Response assertRefused(HttpRequest.Builder request, int status, String type) {
        String requestId = "web-" + UUID.randomUUID();
        Http.Response response = new Http(port).send(request.header("X-Request-Id", requestId).build());

        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asText()).isEqualTo("https://ledgerline.dev/problems/" + type);
        assertThat(response.body().get("correlationId").asText()).isEqualTo(requestId);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_log WHERE meta_data->>'correlationId' = ?",
                Long.class, requestId)).isZero();
        return response;
    }

    private HttpRequest.Builder raw(String contentType, String body) {
        return new Http(port).request(REGISTER, null).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }
}
