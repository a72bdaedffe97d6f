package dev.ledgerline.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the tasks end-to-end tests share: users with tokens, task creation, and looks into the event store. */
final class TaskTestSupport {

    private final Http http;
    private final JdbcTemplate jdbc;

    TaskTestSupport(int port, JdbcTemplate jdbc) {
        this.http = new Http(port);
        this.jdbc = jdbc;
    }

    Http http() {
        return http;
    }

    /** A freshly registered, logged-in user (through identity's HTTP API). */
    User newUser() {
        TestUsers.TestUser user = TestUsers.register(http, "tasks");
        return new User(user.id(), user.accessToken(), user.password());
    }

    /** The user deletes their own account; answers once identity has removed the users row. */
    void deleteAccount(User user) {
        Http.Response deleted = http.send(http.request("/api/users/me", user.token())
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"password\":\"" + user.password() + "\"}"))
                .header("Content-Type", "application/json").build());
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
    }

    long rowsOf(User user) {
        return jdbc.queryForObject("SELECT count(*) FROM tasks WHERE user_id = ?", Long.class, user.id());
    }

    /** Creates a task and answers its JSON, asserting the 201. */
    JsonNode createTask(User user, String title) {
        Http.Response response = http.post("/api/tasks", Http.json("title", title), user.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body();
    }

    /** Events in the store caused by this user. */
    long eventsBy(User user) {
        return jdbc.queryForObject("SELECT count(*) FROM event_log WHERE meta_data->>'actor' = ?", Long.class,
                user.id().toString());
    }

    long eventsOf(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
    }

    static void assertProblem(Http.Response response, int status, String slug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("type").asText()).isEqualTo("https://ledgerline.dev/problems/" + slug);
        assertThat(response.body().path("status").asInt()).isEqualTo(status);
    }

    record User(UUID id, String token, String password) {
    }
}
