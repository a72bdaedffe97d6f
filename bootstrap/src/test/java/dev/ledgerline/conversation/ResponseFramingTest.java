package dev.ledgerline.conversation;

import static dev.ledgerline.conversation.ConversationClient.message;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.Http.Response;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * JSON answers carry their length (one write to the socket instead of a chunk and a closing chunk); an answer longer
 * than the converter keeps in memory is streamed chunked, whole.
 */
@EndToEndTest
class ResponseFramingTest {

    @LocalServerPort
    int port;

    @Test
    void a_json_answer_carries_its_length_and_is_not_chunked() {
        ConversationClient client = ConversationUsers.newClient(new Http(port));
        String id = client.startConversation();

        Response posted = client.post(id, message("user", "héllo, wörld"));

        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.header("Transfer-Encoding")).isNull();
        assertThat(posted.header("Content-Length"))
                .isEqualTo(String.valueOf(posted.raw().body().getBytes(StandardCharsets.UTF_8).length));
        assertThat(posted.body().get("content").asText()).isEqualTo("héllo, wörld");
    }

    @Test
    void a_json_answer_larger_than_the_limit_is_streamed_whole() {
        ConversationClient client = ConversationUsers.newClient(new Http(port));
        String id = client.startConversation();
        String content = "x".repeat(30_000);
        for (int i = 0; i < 3; i++) {
            assertThat(client.post(id, message("user", content)).status()).isEqualTo(201);
        }

        Response page = client.messages(id, "limit=50");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw().body().length()).isGreaterThan(90_000);
        assertThat(page.header("Content-Length")).isNull();
        assertThat(page.header("Transfer-Encoding")).isEqualToIgnoringCase("chunked");
        assertThat(page.body().get("data")).hasSize(3);
        assertThat(page.body().get("data").get(2).get("content").asText()).isEqualTo(content);
    }
}
