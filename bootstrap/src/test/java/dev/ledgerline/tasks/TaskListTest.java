package dev.ledgerline.tasks;

import static dev.ledgerline.support.Http.json;
import static dev.ledgerline.tasks.TaskTestSupport.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
class TaskListTest {

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
    void tasks_are_listed_newest_first() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, tasks.createTask(user, "Task " + i).path("id").asText());
        }

        JsonNode page = http.get("/api/tasks", user.token()).body();

        assertThat(ids(page)).containsExactlyElementsOf(created);
        assertThat(page.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void paging_while_tasks_are_being_added_neither_repeats_nor_skips_a_task() throws Exception {
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            existing.add(tasks.createTask(user, "Existing " + i).path("id").asText());
        }
        AtomicBoolean paging = new AtomicBoolean(true);
        AtomicInteger added = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            while (paging.get()) {
                tasks.createTask(user, "Added while paging " + added.incrementAndGet());
            }
        });
        try {
            List<JsonNode> seen = new ArrayList<>();
            String cursor = null;
            do {
                String query = "/api/tasks?limit=4" + (cursor == null ? "" : "&cursor=" + cursor);
                Http.Response response = http.get(query, user.token());
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                response.body().path("data").forEach(seen::add);
                cursor = response.body().path("nextCursor").isNull() ? null
                        : response.body().path("nextCursor").asText();
                Thread.sleep(20);
            } while (cursor != null);

            List<String> seenIds = seen.stream().map(task -> task.path("id").asText()).toList();
            assertThat(seenIds).doesNotHaveDuplicates();
            assertThat(seenIds).containsAll(existing);
            assertNewestFirst(seen);
            assertThat(added.get()).as("tasks added while paging").isPositive();
        } finally {
            paging.set(false);
            writer.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void the_completed_filter_selects_done_or_open_tasks() {
        String open = tasks.createTask(user, "Open").path("id").asText();
        String done = tasks.createTask(user, "Done").path("id").asText();
        http.post("/api/tasks/" + done + "/complete", null, user.token());

        assertThat(ids(http.get("/api/tasks?completed=true", user.token()).body())).containsExactly(done);
        assertThat(ids(http.get("/api/tasks?completed=false", user.token()).body())).containsExactly(open);
        assertThat(ids(http.get("/api/tasks", user.token()).body())).containsExactly(done, open);
    }

    @Test
    void the_text_filter_matches_title_or_description_ignoring_case() {
        String milk = tasks.createTask(user, "Buy MILK").path("id").asText();
        String described = http.post("/api/tasks", json("title", "Shopping", "description", "oat milk, bread"),
                user.token()).body().path("id").asText();
        tasks.createTask(user, "Call mum");

        assertThat(ids(http.get("/api/tasks?q=milk", user.token()).body())).containsExactly(described, milk);
        assertThat(ids(http.get("/api/tasks?q=Milk&completed=true", user.token()).body())).isEmpty();
    }

    @Test
    void the_text_filter_takes_wildcards_literally() {
        String percent = tasks.createTask(user, "Save 10% more").path("id").asText();
        tasks.createTask(user, "Save 100 more");
        String underscore = tasks.createTask(user, "Save_more").path("id").asText();
        tasks.createTask(user, "Save more");

        assertThat(ids(http.get("/api/tasks?q=" + encode("0%"), user.token()).body())).containsExactly(percent);
        assertThat(ids(http.get("/api/tasks?q=" + encode("e_m"), user.token()).body())).containsExactly(underscore);
    }

    @Test
    void pages_with_filters_continue_with_the_same_filters() {
        List<String> done = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = tasks.createTask(user, "Chore " + i).path("id").asText();
            tasks.createTask(user, "Open chore " + i);
            http.post("/api/tasks/" + id + "/complete", null, user.token());
            done.add(0, id);
        }

        JsonNode first = http.get("/api/tasks?completed=true&q=chore&limit=3", user.token()).body();
        JsonNode second = http.get("/api/tasks?completed=true&q=chore&limit=3&cursor="
                + first.path("nextCursor").asText(), user.token()).body();

        assertThat(ids(first)).containsExactlyElementsOf(done.subList(0, 3));
        assertThat(ids(second)).containsExactlyElementsOf(done.subList(3, 5));
        assertThat(second.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void a_full_last_page_has_no_next_cursor() {
        tasks.createTask(user, "One");
        tasks.createTask(user, "Two");

        JsonNode page = http.get("/api/tasks?limit=2", user.token()).body();

        assertThat(page.path("data")).hasSize(2);
        assertThat(page.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void a_limit_outside_1_to_100_is_refused() {
        assertProblem(http.get("/api/tasks?limit=0", user.token()), 400, "validation-failed");
        assertProblem(http.get("/api/tasks?limit=101", user.token()), 400, "validation-failed");
        assertProblem(http.get("/api/tasks?limit=ten", user.token()), 400, "malformed-request");
        assertThat(http.get("/api/tasks?limit=100", user.token()).status()).isEqualTo(200);
    }

    @Test
    void a_completed_filter_that_is_not_a_boolean_is_refused() {
        assertProblem(http.get("/api/tasks?completed=maybe", user.token()), 400, "malformed-request");
    }

    @Test
    void a_cursor_that_was_not_handed_out_is_refused() {
        assertProblem(http.get("/api/tasks?cursor=not-a-cursor", user.token()), 400, "invalid-cursor");
        assertProblem(http.get("/api/tasks?cursor=" + encode("MTIzOmFiYw"), user.token()), 400, "invalid-cursor");
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("data").forEach(task -> ids.add(task.path("id").asText()));
        return ids;
    }

    private static void assertNewestFirst(List<JsonNode> seen) {
        for (int i = 1; i < seen.size(); i++) {
            Instant previous = Instant.parse(seen.get(i - 1).path("createdAt").asText());
            Instant current = Instant.parse(seen.get(i).path("createdAt").asText());
            assertThat(current).isBeforeOrEqualTo(previous);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
