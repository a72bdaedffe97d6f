package dev.ledgerline.tasks;

import static dev.ledgerline.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.tasks.TaskTestSupport.User;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Replaying every event into an emptied table gives back the very same table. */
@EndToEndTest
class TaskProjectionRebuildTest {

    private static final String PROCESSOR = "tasks-projection";
    private static final String SNAPSHOT = "SELECT id, user_id, title, description, completed, completed_at, "
            + "created_at, updated_at, version FROM tasks ORDER BY id";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    @Test
    void a_rebuilt_tasks_table_is_identical_to_the_live_one() throws Exception {
        StreamingEventProcessor processor = processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class)
                .orElseThrow();
        // Start from a rebuilt table: another test may have rebuilt identity's projection, whose reset empties
        // users and, through the foreign key's cascade, tasks behind this projection's back.
        rebuild(processor);
        writeSomeHistory();
        awaitCaughtUp(processor);
        List<Map<String, Object>> live = jdbc.queryForList(SNAPSHOT);

        rebuild(processor);

        assertThat(live).isNotEmpty();
        assertThat(jdbc.queryForList(SNAPSHOT)).isEqualTo(live);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                Long.class, PROCESSOR)).as("dead letters").isZero();
    }

    private void rebuild(StreamingEventProcessor processor) throws InterruptedException {
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tasks", Long.class)).as("reset clears the table")
                .isZero();
        processor.start();
        awaitCaughtUp(processor);
    }

    /**
     * Every kind of task event, twice over, and the tasks of a user who has since been deleted: replayed, those find
     * no users row and must leave no row (and no dead letter).
     */
    private void writeSomeHistory() {
        TaskTestSupport tasks = new TaskTestSupport(port, jdbc);
        Http http = tasks.http();
        User gone = tasks.newUser();
        tasks.createTask(gone, "Forgotten");
        tasks.deleteAccount(gone);
        for (int u = 0; u < 2; u++) {
            User user = tasks.newUser();
            for (int i = 0; i < 4; i++) {
                String id = tasks.createTask(user, "Rebuild me " + i).path("id").asText();
                http.patch("/api/tasks/" + id, json("title", "Rebuilt " + i, "description", "step " + i), user.token());
                if (i > 0) {
                    http.post("/api/tasks/" + id + "/complete", null, user.token());
                }
                if (i > 1) {
                    http.post("/api/tasks/" + id + "/reopen", null, user.token());
                }
                if (i > 2) {
                    http.delete("/api/tasks/" + id, user.token());
                }
            }
        }
    }

    /** Caught up: every segment is claimed and has reached the head of the store (isReplaying() is no guide). */
    private void awaitCaughtUp(StreamingEventProcessor processor) throws InterruptedException {
        long head = position(eventStore.createHeadToken());
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!caughtUp(processor, head)) {
            assertThat(System.nanoTime()).as("%s caught up with %d", PROCESSOR, head).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static boolean caughtUp(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        double covered = status.values().stream().mapToDouble(s -> 1.0 / (s.getSegment().getMask() + 1)).sum();
        return processor.isRunning() && Math.abs(covered - 1.0) < 1e-9 && status.values().stream()
                .allMatch(s -> !s.isErrorState() && s.getCurrentPosition().orElse(-1) >= head);
    }

    private static long position(TrackingToken token) {
        return token == null ? -1 : token.position().orElse(-1);
    }
}
