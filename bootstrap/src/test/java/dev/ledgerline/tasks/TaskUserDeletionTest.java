package dev.ledgerline.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.tasks.TaskTestSupport.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** When identity deletes a user, the user's tasks leave the read table; their history stays in the event store. */
@EndToEndTest
class TaskUserDeletionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private TaskTestSupport tasks;
    private Http http;
    private User leaving;
    private User staying;
    private String stayingTask;

    @BeforeEach
    void setUp() {
        tasks = new TaskTestSupport(port, jdbc);
        http = tasks.http();
        leaving = tasks.newUser();
        staying = tasks.newUser();
        for (int i = 0; i < 3; i++) {
            String id = tasks.createTask(leaving, "Leaving soon " + i).path("id").asText();
            if (i == 0) {
                http.post("/api/tasks/" + id + "/complete", null, leaving.token());
            }
        }
        stayingTask = tasks.createTask(staying, "Staying put").path("id").asText();
        assertThat(tasks.rowsOf(leaving)).isEqualTo(3);
    }

    @Test
    void a_user_who_deletes_their_account_leaves_no_task_rows() throws InterruptedException {
        long events = tasks.eventsBy(leaving);

        tasks.deleteAccount(leaving);

        awaitNoRowsOf(leaving);
        assertThat(tasks.eventsBy(leaving)).as("task history is kept").isGreaterThanOrEqualTo(events);
        assertThat(http.get("/api/tasks", leaving.token()).status()).isEqualTo(401);
        assertThat(http.get("/api/tasks/" + stayingTask, staying.token()).status()).isEqualTo(200);
        assertThat(tasks.rowsOf(staying)).isEqualTo(1);
    }

    @Test
    void a_user_deleted_by_an_admin_leaves_no_task_rows() throws InterruptedException {
        TestUsers.TestUser admin = TestUsers.admin(http);

        Http.Response deleted = http.delete("/api/admin/users/" + leaving.id(), admin.accessToken());

        assertThat(deleted.status()).as(deleted.toString()).isIn(200, 204);
        awaitNoRowsOf(leaving);
        assertThat(tasks.rowsOf(staying)).isEqualTo(1);
    }

    private void awaitNoRowsOf(User user) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (tasks.rowsOf(user) > 0) {
            assertThat(System.nanoTime()).as("tasks rows of the deleted user gone").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
