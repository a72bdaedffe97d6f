package dev.ledgerline.tasks;

import static dev.ledgerline.support.Http.json;
import static dev.ledgerline.tasks.TaskTestSupport.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.tasks.TaskTestSupport.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@EndToEndTest
class TaskConcurrencyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private TaskTestSupport tasks;
    private Http http;
    private User user;
    private String id;

    @BeforeEach
    void setUp() {
        tasks = new TaskTestSupport(port, jdbc);
        http = tasks.http();
        user = tasks.newUser();
        id = tasks.createTask(user, "Plan the trip").path("id").asText();
        assertThat(http.patch("/api/tasks/" + id, json("title", "Plan the holiday"), user.token()).status())
                .isEqualTo(200);
    }

    @Test
    void a_change_with_a_stale_if_match_answers_412_and_writes_nothing() {
        Http.Response response = http.send(patch(json("title", "Plan nothing"), "\"0\""));

        assertProblem(response, 412, "precondition-failed");
        assertThat(tasks.eventsOf(id)).isEqualTo(2);
        assertThat(http.get("/api/tasks/" + id, user.token()).body().path("title").asText())
                .isEqualTo("Plan the holiday");
    }

    @Test
    void every_write_with_a_stale_if_match_answers_412_and_writes_nothing() {
        assertProblem(http.send(post("/complete", "\"0\"")), 412, "precondition-failed");
        assertProblem(http.send(post("/reopen", "\"0\"")), 412, "precondition-failed");
        assertProblem(http.send(http.request("/api/tasks/" + id, user.token()).DELETE()
                .header("If-Match", "\"0\"").build()), 412, "precondition-failed");
        assertThat(tasks.eventsOf(id)).isEqualTo(2);
        assertThat(http.get("/api/tasks/" + id, user.token()).status()).isEqualTo(200);
    }

    @Test
    void an_idempotent_write_with_a_stale_if_match_still_answers_412() {
        assertProblem(http.send(post("/reopen", "\"0\"")), 412, "precondition-failed");
    }

    @Test
    void a_write_with_the_current_etag_applies_and_answers_the_next_etag() {
        String etag = http.get("/api/tasks/" + id, user.token()).header("ETag");

        Http.Response completed = http.send(post("/complete", etag));

        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.header("ETag")).isEqualTo("\"2\"");
        Http.Response stale = http.send(post("/reopen", etag));
        assertProblem(stale, 412, "precondition-failed");
    }

    @Test
    void if_match_star_applies_to_the_current_version() {
        assertThat(http.send(post("/complete", "*")).status()).isEqualTo(200);
    }

    @Test
    void an_if_match_that_is_not_a_version_never_matches() {
        assertProblem(http.send(post("/complete", "W/\"1\"")), 412, "precondition-failed");
        assertProblem(http.send(post("/complete", "\"one\"")), 412, "precondition-failed");
        assertProblem(http.send(post("/complete", "\"99\"")), 412, "precondition-failed");
        assertThat(tasks.eventsOf(id)).isEqualTo(2);
    }

    @Test
    void of_two_writers_holding_the_same_etag_exactly_one_wins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Http.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String title = "Plan the holiday, take " + i;
                answers.add(pool.submit(() -> http.send(patch(json("title", title), "\"1\""))));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http.Response> answer : answers) {
                statuses.add(answer.get().status());
            }
            assertThat(statuses).containsOnly(200, 412).containsOnlyOnce(200);
            assertThat(tasks.eventsOf(id)).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_conditional_read_with_the_current_etag_answers_304() {
        Http.Response read = http.get("/api/tasks/" + id, user.token());

        Http.Response again = http.send(http.request("/api/tasks/" + id, user.token())
                .header("If-None-Match", read.header("ETag")).GET().build());

        assertThat(again.status()).isEqualTo(304);
    }

    private HttpRequest patch(Object body, String ifMatch) {
        return http.request("/api/tasks/" + id, user.token())
                .method("PATCH", HttpRequest.BodyPublishers.ofString(toJson(body)))
                .header("Content-Type", "application/json")
                .header("If-Match", ifMatch)
                .build();
    }

    private HttpRequest post(String action, String ifMatch) {
        return http.request("/api/tasks/" + id + action, user.token())
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("If-Match", ifMatch)
                .build();
    }

    private static String toJson(Object body) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
