package dev.ledgerline.conversation;

import static dev.ledgerline.conversation.ConversationClient.assistantCalling;
import static dev.ledgerline.conversation.ConversationClient.message;
import static dev.ledgerline.conversation.ConversationClient.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
            + " ORDER BY c.id, m.sequence";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void rebuilding_the_projection_from_the_events_gives_identical_tables() {
        Http http = new Http(port);
        ConversationClient client = ConversationUsers.newClient(http);
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
        String before = tables();

        StreamingEventProcessor processor = processing
                .eventProcessor("conversation-projection", StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM conversations", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages", Long.class)).isZero();
        processor.start();

        awaitTables(before);
        assertThat(client.messages(id, "").body().get("data")).hasSize(2);
    }

    private String tables() {
        return jdbc.queryForList(TABLES).toString();
    }

    private void awaitTables(String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String now = tables();
        while (!Objects.equals(now, expected)) {
            if (System.nanoTime() > deadline) {
                assertThat(now).as("tables after the rebuild").isEqualTo(expected);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            now = tables();
        }
    }
}
