package dev.ledgerline.identity;

import static dev.ledgerline.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.TestUsers.TestUser;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@EndToEndTest
class IdentityProjectionRebuildTest {

    private static final String PROCESSOR = "identity-projection";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void users_and_auth_sessions_come_back_identical_after_a_rebuild_from_the_events() {
        Http http = new Http(port);
        TestUser admin = TestUsers.admin(http);
        TestUser kept = TestUsers.register(http);
        TestUser deactivated = TestUsers.register(http);
        TestUser deleted = TestUsers.register(http);
        http.post("/api/auth/refresh", json("refreshToken", kept.refreshToken()), null);
        http.patch("/api/users/me", json("fullName", "Renamed"), kept.accessToken());
        http.put("/api/admin/users/" + kept.id() + "/roles", json("roles", List.of("AUDITOR")), admin.accessToken());
        http.post("/api/admin/users/" + deactivated.id() + "/deactivate", null, admin.accessToken());
        http.delete("/api/admin/users/" + deleted.id(), admin.accessToken());
        http.post("/api/auth/logout", json("refreshToken", deactivated.refreshToken()), null);
        awaitCaughtUp();
        List<String> usersBefore = rows("users");
        List<String> sessionsBefore = rows("auth_sessions");
        assertThat(usersBefore).anyMatch(row -> row.contains(kept.id().toString()) && row.contains("Renamed"));

        StreamingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        assertThat(rows("users")).isEmpty();
        processor.start();
        awaitCaughtUp();

        assertThat(rows("users")).isEqualTo(usersBefore);
        assertThat(rows("auth_sessions")).isEqualTo(sessionsBefore);
    }

    private List<String> rows(String table) {
        return jdbc.queryForList("SELECT to_jsonb(t)::text FROM " + table + " t ORDER BY t.id", String.class);
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(PROCESSOR, StreamingEventProcessor.class).orElseThrow();
    }

    /** Every segment of the processor has reached the head of the event store. */
    private void awaitCaughtUp() {
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM domain_event_entry", Long.class);
        long segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?", Long.class,
                PROCESSOR);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!caughtUp(head, segments)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The projection did not catch up: " + processor().processingStatus());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private boolean caughtUp(long head, long segments) {
        var statuses = processor().processingStatus().values();
        return statuses.size() == segments && statuses.stream()
                .allMatch(status -> position(status) >= head);
    }

    private static long position(EventTrackerStatus status) {
        return status.getCurrentPosition().orElse(-1);
    }
}
