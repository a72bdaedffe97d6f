package dev.ledgerline.conversation;

import static dev.ledgerline.conversation.ConversationClient.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@EndToEndTest
class ConversationUserDeletionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_deleted_users_conversations_and_messages_leave_the_read_tables_and_their_events_stay() {
        Http http = new Http(port);
        TestUser leaving = TestUsers.register(http, "leaver");
        ConversationClient client = new ConversationClient(http, leaving.accessToken());
        String first = client.startConversation();
        String second = client.startConversation();
        client.post(first, message("user", "remember this"));
        client.post(second, message("user", "and this"));
        ConversationClient stayer = ConversationUsers.newClient(http);
        String kept = stayer.startConversation();
        stayer.post(kept, message("user", "still here"));
        assertThat(rowsOf(leaving.id())).isEqualTo(4);

        assertThat(client.send("DELETE", "/api/users/me", Map.of("password", leaving.password()), Map.of()).status())
                .isEqualTo(204);

        awaitNoRowsOf(leaving.id());
        assertThat(stayer.messages(kept, "").body().get("data")).hasSize(1);
        assertThat(new ConversationEventLog(jdbc).of(first)).isEqualTo(2);
    }

    private long rowsOf(UUID userId) {
        return jdbc.queryForObject("SELECT (SELECT count(*) FROM conversations WHERE user_id = ?)"
                + " + (SELECT count(*) FROM messages WHERE user_id = ?)", Long.class, userId, userId);
    }

    private void awaitNoRowsOf(UUID userId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (rowsOf(userId) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("rows of the deleted user are still there: " + rowsOf(userId));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
