package dev.ledgerline.tasks;

import static dev.ledgerline.support.Http.json;
import static dev.ledgerline.tasks.TaskTestSupport.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.tasks.TaskTestSupport.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@EndToEndTest
class TaskOwnershipTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private TaskTestSupport tasks;
    private Http http;
    private User owner;
    private User stranger;
    private String id;

    @BeforeEach
    void setUp() {
        tasks = new TaskTestSupport(port, jdbc);
        http = tasks.http();
        owner = tasks.newUser();
        stranger = tasks.newUser();
        id = tasks.createTask(owner, "My secret plan").path("id").asText();
    }

    @Test
    void another_users_task_cannot_be_read() {
        assertLooksMissing(path -> http.get(path, stranger.token()));
    }

    @Test
    void another_users_task_cannot_be_changed() {
        assertLooksMissing(path -> http.patch(path, json("title", "Mine now"), stranger.token()));
    }

    @Test
    void another_users_task_cannot_be_completed() {
        assertLooksMissing(path -> http.post(path + "/complete", null, stranger.token()));
    }

    @Test
    void another_users_task_cannot_be_reopened() {
        http.post("/api/tasks/" + id + "/complete", null, owner.token());
        assertLooksMissing(path -> http.post(path + "/reopen", null, stranger.token()));
    }

    @Test
    void another_users_task_cannot_be_deleted() {
        assertLooksMissing(path -> http.delete(path, stranger.token()));
    }

    @Test
    void another_users_task_with_its_current_etag_still_answers_404() {
        Http.Response response = http.send(http.request("/api/tasks/" + id + "/complete", stranger.token())
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).header("If-Match", "\"0\"").build());
        assertProblem(response, 404, "not-found");
    }

    @Test
    void the_id_of_something_that_is_not_a_task_answers_404_on_every_route() {
        String userId = "/api/tasks/" + owner.id();
        long events = tasks.eventsOf(owner.id().toString());
        assertProblem(http.get(userId, owner.token()), 404, "not-found");
        assertProblem(http.patch(userId, json("title", "x"), owner.token()), 404, "not-found");
        assertProblem(http.post(userId + "/complete", null, owner.token()), 404, "not-found");
        assertProblem(http.post(userId + "/reopen", null, owner.token()), 404, "not-found");
        assertProblem(http.delete(userId, owner.token()), 404, "not-found");
        assertThat(tasks.eventsOf(owner.id().toString())).isEqualTo(events).isPositive();
    }

    @Test
    void another_users_tasks_are_not_listed() {
        JsonNode page = http.get("/api/tasks?q=secret", stranger.token()).body();
        assertThat(page.path("data")).isEmpty();
        assertThat(http.get("/api/tasks", owner.token()).body().path("data")).hasSize(1);
    }

    @Test
    void the_owner_still_has_the_task_unchanged() {
        http.patch("/api/tasks/" + id, json("title", "Mine now"), stranger.token());
        http.post("/api/tasks/" + id + "/complete", null, stranger.token());
        http.delete("/api/tasks/" + id, stranger.token());

        Http.Response read = http.get("/api/tasks/" + id, owner.token());
        assertThat(read.body().path("title").asText()).isEqualTo("My secret plan");
        assertThat(read.body().path("completed").asBoolean()).isFalse();
        assertThat(tasks.eventsOf(id)).isEqualTo(1);
        assertThat(tasks.eventsBy(stranger)).isZero();
    }

    /** The answer for the stranger equals, field by field, the answer for a task that never existed. */
    private void assertLooksMissing(Function<String, Http.Response> call) {
        long eventsBefore = tasks.eventsOf(id);
        Http.Response theirs = call.apply("/api/tasks/" + id);
        Http.Response missing = call.apply("/api/tasks/" + UUID.randomUUID());

        assertProblem(theirs, 404, "not-found");
        assertProblem(missing, 404, "not-found");
        for (String field : new String[] {"type", "title", "status", "detail"}) {
            assertThat(theirs.body().path(field)).as(field).isEqualTo(missing.body().path(field));
        }
        assertThat(theirs.body().has("instance")).isEqualTo(missing.body().has("instance"));
        assertThat(theirs.header("ETag")).isNull();
        assertThat(tasks.eventsOf(id)).isEqualTo(eventsBefore);
    }
}
