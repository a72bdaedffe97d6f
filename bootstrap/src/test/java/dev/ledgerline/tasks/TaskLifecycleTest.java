package dev.ledgerline.tasks;

import static dev.ledgerline.support.Http.json;
import static dev.ledgerline.tasks.TaskTestSupport.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

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
class TaskLifecycleTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private TaskTestSupport tasks;
    private Http http;
    private User user;

    @BeforeEach
    void setUp() {
        tasks = new TaskTestSupport(port, jdbc);
        http = tasks.http();
        user = tasks.newUser();
    }

    @Test
    void a_task_goes_through_its_whole_life() {
        Http.Response created = http.post("/api/tasks", json("title", "  Buy milk ", "description", "two litres"),
                user.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode task = created.body();
        String id = task.path("id").asText();
        assertThat(created.header("Location")).endsWith("/api/tasks/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(task.path("title").asText()).isEqualTo("Buy milk");
        assertThat(task.path("description").asText()).isEqualTo("two litres");
        assertThat(task.path("completed").asBoolean()).isFalse();
        assertThat(task.path("completedAt").isNull()).isTrue();
        assertThat(task.path("version").asLong()).isZero();
        assertThat(task.path("createdAt").asText()).isEqualTo(task.path("updatedAt").asText());

        Http.Response read = http.get("/api/tasks/" + id, user.token());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.body()).isEqualTo(task);

        Http.Response changed = http.patch("/api/tasks/" + id, json("title", "Buy oat milk"), user.token());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"1\"");
        assertThat(changed.body().path("title").asText()).isEqualTo("Buy oat milk");
        assertThat(changed.body().path("description").asText()).isEqualTo("two litres");
        assertThat(Instant.parse(changed.body().path("updatedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(task.path("createdAt").asText()));

        Http.Response described = http.patch("/api/tasks/" + id, json("description", ""), user.token());
        assertThat(described.header("ETag")).isEqualTo("\"2\"");
        assertThat(described.body().path("description").isNull()).isTrue();

        Http.Response completed = http.post("/api/tasks/" + id + "/complete", null, user.token());
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.header("ETag")).isEqualTo("\"3\"");
        assertThat(completed.body().path("completed").asBoolean()).isTrue();
        assertThat(completed.body().path("completedAt").isTextual()).isTrue();

        Http.Response reopened = http.post("/api/tasks/" + id + "/reopen", null, user.token());
        assertThat(reopened.status()).isEqualTo(200);
        assertThat(reopened.header("ETag")).isEqualTo("\"4\"");
        assertThat(reopened.body().path("completed").asBoolean()).isFalse();
        assertThat(reopened.body().path("completedAt").isNull()).isTrue();

        Http.Response deleted = http.delete("/api/tasks/" + id, user.token());
        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(http.get("/api/tasks/" + id, user.token()), 404, "not-found");
        assertThat(http.get("/api/tasks", user.token()).body().path("data")).isEmpty();
        assertThat(tasks.eventsOf(id)).isEqualTo(6);
    }

    @Test
    void completing_a_completed_task_answers_200_and_writes_nothing() {
        String id = tasks.createTask(user, "Water the plants").path("id").asText();
        Http.Response first = http.post("/api/tasks/" + id + "/complete", null, user.token());
        long events = tasks.eventsOf(id);

        Http.Response again = http.post("/api/tasks/" + id + "/complete", null, user.token());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(tasks.eventsOf(id)).isEqualTo(events);
    }

    @Test
    void reopening_an_open_task_answers_200_and_writes_nothing() {
        JsonNode task = tasks.createTask(user, "Water the plants");
        String id = task.path("id").asText();

        Http.Response reopened = http.post("/api/tasks/" + id + "/reopen", null, user.token());

        assertThat(reopened.status()).isEqualTo(200);
        assertThat(reopened.header("ETag")).isEqualTo("\"0\"");
        assertThat(reopened.body()).isEqualTo(task);
        assertThat(tasks.eventsOf(id)).isEqualTo(1);
    }

    @Test
    void a_change_to_the_same_text_writes_nothing() {
        String id = tasks.createTask(user, "Water the plants").path("id").asText();

        Http.Response changed = http.patch("/api/tasks/" + id, json("title", "Water the plants "), user.token());

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).isEqualTo("\"0\"");
        assertThat(tasks.eventsOf(id)).isEqualTo(1);
    }

    @Test
    void a_patch_changing_both_fields_records_two_events() {
        String id = tasks.createTask(user, "Water the plants").path("id").asText();

        Http.Response changed = http.patch("/api/tasks/" + id,
                json("title", "Water the cactus", "description", "sparingly"), user.token());

        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(jdbc.queryForList("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", String.class, id)).containsExactly(
                "dev.ledgerline.tasks.events.TaskCreated", "dev.ledgerline.tasks.events.TaskTitleChanged",
                "dev.ledgerline.tasks.events.TaskDescriptionChanged");
    }

    @Test
    void a_deleted_task_accepts_no_command() {
        String id = tasks.createTask(user, "Water the plants").path("id").asText();
        assertThat(http.delete("/api/tasks/" + id, user.token()).status()).isEqualTo(204);

        assertProblem(http.patch("/api/tasks/" + id, json("title", "Again"), user.token()), 404, "not-found");
        assertProblem(http.post("/api/tasks/" + id + "/complete", null, user.token()), 404, "not-found");
        assertProblem(http.post("/api/tasks/" + id + "/reopen", null, user.token()), 404, "not-found");
        assertProblem(http.delete("/api/tasks/" + id, user.token()), 404, "not-found");
        assertThat(tasks.eventsOf(id)).isEqualTo(2);
    }

    @Test
    void events_record_who_acted() {
        String id = tasks.createTask(user, "Water the plants").path("id").asText();

        assertThat(jdbc.queryForObject("SELECT meta_data->>'actor' FROM event_log WHERE aggregate_identifier = ?",
                String.class, id)).isEqualTo(user.id().toString());
    }

    @Test
    void a_request_without_a_token_is_unauthorized() {
        assertProblem(http.get("/api/tasks", null), 401, "unauthorized");
        assertProblem(http.post("/api/tasks", json("title", "x"), null), 401, "unauthorized");
    }
}
