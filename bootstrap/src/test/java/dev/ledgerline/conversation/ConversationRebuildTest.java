package dev.ledgerline.conversation;

import static dev.ledgerline.conversation.ConversationClient.assistantCalling;
import static dev.ledgerline.conversation.ConversationClient.message;
import static dev.ledgerline.conversation.ConversationClient.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.TestUsers.TestUser;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@EndToEndTest
class ConversationRebuildTest {

    private static final String TABLES = "SELECT c.id, c.user_id, c.title, c.message_count, c.capacity_used,"
            + " c.capacity_max, c.expires_at, c.created_at, c.updated_at, c.version, c.pending_tool_calls::text,"
            + " m.id, m.sequence, m.role, m.content, m.token_count, m.tool_calls::text, m.created_at"
            + " FROM conversations c LEFT JOIN messages m ON m.conversation_id = c.id"
            + " WHERE c.user_id IN (?, ?) ORDER BY c.id, m.sequence";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    private List<UUID> users;

    @Test
    void rebuilding_the_projection_from_the_events_gives_identical_tables() {
        Http http = new Http(port);
        TestUser staying = TestUsers.register(http, "rebuilder");
        ConversationClient client = new ConversationClient(http, staying.accessToken());
        String id = client.startConversation(Http.json("title", "rebuild me", "capacityMax", 500));
        client.post(id, message("user", "What is due?"));
        client.post(id, assistantCalling("Looking.", List.of(toolCall("call_r1", "search_tasks", Map.of("due", 1)),
                toolCall("call_r2", "calendar", Map.of()))));
        client.result(id, "call_r1", Http.json("output", "nothing", "status", "ok"));
        client.rename(id, Http.json("title", "rebuilt"));
        String deleted = client.startConversation();
        client.delete(deleted);
        TestUser leaving = TestUsers.register(http, "gone");
        ConversationClient gone = new ConversationClient(http, leaving.accessToken());
        gone.post(gone.startConversation(), message("user", "soon forgotten"));
        gone.send("DELETE", "/api/users/me", Map.of("password", leaving.password()), Map.of());
        users = List.of(staying.id(), leaving.id());
        String before = tables();
        assertThat(before).contains("rebuilt").doesNotContain("soon forgotten");
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);

        StreamingEventProcessor processor = processing
                .eventProcessor("conversation-projection", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM conversations", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages", Long.class)).isZero();
        processor.start();

        awaitTables(before);
        // leave the projection caught up for the test classes that share this application
        awaitPosition(processor, head);
        assertThat(client.messages(id, "").body().get("data")).hasSize(2);
    }

    private String tables() {
        return jdbc.queryForList(TABLES, users.get(0), users.get(1)).toString();
    }

    private static void awaitPosition(StreamingEventProcessor processor, long head) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!processor.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the rebuilt projection did not reach the head of the store");
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitTables(String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String now = tables();
        while (!Objects.equals(now, expected)) {
            if (System.nanoTime() > deadline) {
                assertThat(now).as("tables after the rebuild").isEqualTo(expected);
            }
            pause();
            now = tables();
        }
    }
}
