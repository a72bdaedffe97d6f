package dev.ledgerline.tasks;

import static dev.ledgerline.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.tasks.TaskTestSupport.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A client that has its 201/200/204 and reads at once sees its own write, every time. */
@EndToEndTest
class TaskReadYourWritesTest {

    private static final int ROUNDS = 40;
    private static final int CLIENTS = 8;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Http http;
    private User user;

    @BeforeEach
    void setUp() {
        TaskTestSupport tasks = new TaskTestSupport(port, jdbc);
        http = tasks.http();
        user = tasks.newUser();
    }

    @Test
    void a_created_task_can_be_read_at_once_every_time() {
        for (int i = 0; i < ROUNDS; i++) {
            Http.Response created = http.post("/api/tasks", json("title", "Round " + i), user.token());
            assertThat(created.status()).as("round %d: %s", i, created).isEqualTo(201);
            String id = created.body().path("id").asText();

            Http.Response read = http.get("/api/tasks/" + id, user.token());
            assertThat(read.status()).as("round %d: %s", i, read).isEqualTo(200);
            assertThat(read.body()).isEqualTo(created.body());

            JsonNode newest = http.get("/api/tasks?limit=1", user.token()).body().path("data").path(0);
            assertThat(newest.path("id").asText()).as("round %d", i).isEqualTo(id);
        }
    }

    @Test
    void every_change_can_be_read_at_once() {
        String id = http.post("/api/tasks", json("title", "Toggle me"), user.token()).body().path("id").asText();
        for (int i = 0; i < ROUNDS / 2; i++) {
            String action = i % 2 == 0 ? "/complete" : "/reopen";
            Http.Response written = http.post("/api/tasks/" + id + action, null, user.token());
            assertThat(written.status()).isEqualTo(200);

            Http.Response read = http.get("/api/tasks/" + id, user.token());
            assertThat(read.body().path("completed").asBoolean()).as("round %d", i).isEqualTo(i % 2 == 0);
            assertThat(read.header("ETag")).isEqualTo(written.header("ETag")).isEqualTo("\"" + (i + 1) + "\"");

            JsonNode listed = http.get("/api/tasks?completed=" + (i % 2 == 0), user.token()).body().path("data");
            assertThat(listed.findValuesAsText("id")).as("round %d", i).contains(id);
        }
    }

    @Test
    void clients_writing_at_the_same_time_each_see_their_own_write() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int i = 0; i < ROUNDS / 4; i++) {
                        Http.Response created = http.post("/api/tasks", json("title", "Client " + client + "/" + i),
                                user.token());
                        assertThat(created.status()).as("client %d round %d: %s", client, i, created).isEqualTo(201);
                        Http.Response read = http.get("/api/tasks/" + created.body().path("id").asText(),
                                user.token());
                        assertThat(read.status()).as("client %d round %d", client, i).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get(2, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void a_deleted_task_is_gone_at_once() {
        for (int i = 0; i < ROUNDS / 4; i++) {
            String id = http.post("/api/tasks", json("title", "Short-lived " + i), user.token()).body().path("id")
                    .asText();
            assertThat(http.delete("/api/tasks/" + id, user.token()).status()).isEqualTo(204);

            assertThat(http.get("/api/tasks/" + id, user.token()).status()).as("round %d", i).isEqualTo(404);
            assertThat(http.get("/api/tasks", user.token()).body().path("data").findValuesAsText("id"))
                    .doesNotContain(id);
        }
    }
}
