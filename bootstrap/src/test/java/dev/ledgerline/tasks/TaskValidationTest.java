package dev.ledgerline.tasks;

import static dev.ledgerline.support.Http.json;
import static dev.ledgerline.tasks.TaskTestSupport.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.tasks.TaskTestSupport.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input answers 4xx problem+json and writes no event (checked after every test). */
@EndToEndTest
class TaskValidationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private TaskTestSupport tasks;
    private Http http;
    private User user;
    private String id;
    private long eventsBefore;

    @BeforeEach
    void setUp() {
        tasks = new TaskTestSupport(port, jdbc);
        http = tasks.http();
        user = tasks.newUser();
        id = tasks.createTask(user, "A valid task").path("id").asText();
        eventsBefore = tasks.eventsBy(user);
    }

    @AfterEach
    void nothingWasWritten() {
        assertThat(tasks.eventsBy(user)).as("events written by the refused requests").isEqualTo(eventsBefore);
    }

    @Test
    void an_empty_title_is_refused() {
        Http.Response response = http.post("/api/tasks", json("title", ""), user.token());

        assertProblem(response, 400, "validation-failed");
        assertThat(response.body().path("errors").path(0).path("field").asText()).isEqualTo("title");
        assertThat(response.body().path("errors").path(0).path("message").asText()).isEqualTo("must not be blank");
    }

    @Test
    void a_missing_or_blank_title_is_refused() {
        assertProblem(http.post("/api/tasks", json("description", "no title"), user.token()), 400,
                "validation-failed");
        assertProblem(http.post("/api/tasks", json("title", "   "), user.token()), 400, "validation-failed");
        assertProblem(http.post("/api/tasks", json("title", null), user.token()), 400, "validation-failed");
    }

    @Test
    void a_title_of_201_characters_is_refused() {
        Http.Response response = http.post("/api/tasks", json("title", "t".repeat(201)), user.token());

        assertProblem(response, 400, "validation-failed");
        assertThat(response.body().path("errors").path(0).path("message").asText())
                .isEqualTo("must be at most 200 characters");
    }

    @Test
    void a_description_of_1001_characters_is_refused() {
        Http.Response response = http.post("/api/tasks", json("title", "ok", "description", "d".repeat(1001)),
                user.token());

        assertProblem(response, 400, "validation-failed");
        assertThat(response.body().path("errors").path(0).path("field").asText()).isEqualTo("description");
    }

    @Test
    void a_change_to_an_invalid_title_or_description_is_refused() {
        assertProblem(http.patch("/api/tasks/" + id, json("title", ""), user.token()), 400, "validation-failed");
        assertProblem(http.patch("/api/tasks/" + id, json("title", "t".repeat(201)), user.token()), 400,
                "validation-failed");
        assertProblem(http.patch("/api/tasks/" + id, json("title", "fine", "description", "d".repeat(1001)),
                user.token()), 400, "validation-failed");
        assertThat(http.get("/api/tasks/" + id, user.token()).body().path("title").asText())
                .isEqualTo("A valid task");
    }

    @Test
    void a_nul_character_is_refused() {
        assertProblem(http.post("/api/tasks", "{\"title\":\"a\\u0000b\"}", user.token()), 400,
                "validation-failed");
        assertProblem(http.post("/api/tasks", "{\"title\":\"ok\",\"description\":\"a\\u0000b\"}", user.token()),
                400, "validation-failed");
    }

    @Test
    void unknown_fields_are_refused() {
        assertProblem(http.post("/api/tasks", json("title", "ok", "completed", true), user.token()), 400,
                "malformed-request");
        assertProblem(http.post("/api/tasks", json("title", "ok", "ownerId", user.id()), user.token()), 400,
                "malformed-request");
        assertProblem(http.patch("/api/tasks/" + id, json("title", "ok", "version", 7), user.token()), 400,
                "malformed-request");
    }

    @Test
    void a_body_that_is_not_a_task_is_refused() {
        assertProblem(http.post("/api/tasks", "{\"title\":", user.token()), 400, "malformed-request");
        assertProblem(http.post("/api/tasks", "[]", user.token()), 400, "malformed-request");
        assertProblem(http.post("/api/tasks", "{\"title\":{\"text\":\"x\"}}", user.token()), 400,
                "malformed-request");
        assertProblem(http.send(http.request("/api/tasks", user.token())
                .POST(HttpRequest.BodyPublishers.noBody()).header("Content-Type", "application/json").build()),
                400, "malformed-request");
        Http.Response plainText = http.send(http.request("/api/tasks", user.token())
                .POST(HttpRequest.BodyPublishers.ofString("title=x")).header("Content-Type", "text/plain").build());
        assertThat(plainText.status()).isEqualTo(415);
        assertThat(plainText.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_id_that_is_not_a_uuid_is_refused_on_every_route() {
        assertProblem(http.get("/api/tasks/not-a-uuid", user.token()), 400, "malformed-request");
        assertProblem(http.patch("/api/tasks/not-a-uuid", json("title", "x"), user.token()), 400,
                "malformed-request");
        assertProblem(http.post("/api/tasks/not-a-uuid/complete", null, user.token()), 400, "malformed-request");
        assertProblem(http.post("/api/tasks/not-a-uuid/reopen", null, user.token()), 400, "malformed-request");
        assertProblem(http.delete("/api/tasks/not-a-uuid", user.token()), 400, "malformed-request");
    }

    @Test
    void a_text_filter_with_a_control_character_is_refused() {
        assertProblem(http.get("/api/tasks?q=a%00b", user.token()), 400, "validation-failed");
    }

    @Test
    void a_cursor_outside_what_the_api_hands_out_is_refused() {
        String farFuture = encode(Long.MAX_VALUE + ":" + id);
        String beforeEpoch = encode("-1:" + id);
        String signed = encode("+5:" + id);
        for (String cursor : new String[] {farFuture, beforeEpoch, signed, encode("5:not-a-uuid"), "%25%25%25"}) {
            assertProblem(http.get("/api/tasks?cursor=" + cursor, user.token()), 400, "invalid-cursor");
        }
    }

    @Test
    void a_text_filter_longer_than_200_characters_is_refused() {
        assertProblem(http.get("/api/tasks?q=" + "q".repeat(201), user.token()), 400, "validation-failed");
    }

    private static String encode(String plain) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
