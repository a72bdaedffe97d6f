package dev.ledgerline.conversation;

import static dev.ledgerline.conversation.ConversationClient.assistantCalling;
import static dev.ledgerline.conversation.ConversationClient.message;
import static dev.ledgerline.conversation.ConversationClient.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.Http.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@EndToEndTest
class ConversationIdempotencyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    private ConversationClient client;
    private ConversationEventLog events;
    private String id;

    @BeforeEach
    void setUp() {
        client = ConversationUsers.newClient(new Http(port));
        events = new ConversationEventLog(jdbc);
        id = client.startConversation();
    }

    @Test
    void a_retry_with_the_same_key_and_body_returns_the_original_message_and_writes_nothing() {
        Map<String, Object> body = assistantCalling("Looking.", List.of(toolCall("call_1", "lookup", Map.of("q", 1))));
        Response original = client.post(id, body, "retry-1");
        assertThat(original.status()).as(original.toString()).isEqualTo(201);
        assertThat(original.header("Idempotent-Replayed")).isNull();

        Response retry = client.post(id, body, "retry-1");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(original.body());
        assertThat(events.causedBy(client.lastRequestId())).isZero();
        assertThat(client.conversation(id).body().get("messageCount").asLong()).isEqualTo(1);
    }

    @Test
    void a_retry_returns_the_message_as_it_is_now() {
        Map<String, Object> body = assistantCalling("Looking.", List.of(toolCall("call_1", "lookup", Map.of())));
        client.post(id, body, "retry-2");
        client.result(id, "call_1", Http.json("output", "found", "status", "ok"));

        Response retry = client.post(id, body, "retry-2");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body().get("toolCalls").get(0).get("output").asText()).isEqualTo("found");
    }

    @Test
    void the_same_key_with_a_different_body_answers_422_and_writes_nothing() {
        client.post(id, message("user", "first"), "retry-3");

        Response different = client.post(id, message("user", "second"), "retry-3");

        assertThat(different.status()).isEqualTo(422);
        assertThat(different.contentType()).startsWith("application/problem+json");
        assertThat(different.body().get("type").asText())
                .isEqualTo("https://ledgerline.dev/problems/idempotency-key-reused");
        assertThat(events.causedBy(client.lastRequestId())).isZero();
        assertThat(client.post(id, Http.json("role", "user", "content", "first", "tokenCount", 2), "retry-3").status())
                .as("a given token count is part of the body").isEqualTo(422);
    }

    @Test
    void different_keys_post_different_messages_and_keys_belong_to_one_conversation() {
        Response first = client.post(id, message("user", "same"), "key-a");
        Response second = client.post(id, message("user", "same"), "key-b");
        String other = client.startConversation();
        Response elsewhere = client.post(other, message("user", "same"), "key-a");

        assertThat(second.body().get("sequence").asLong()).isEqualTo(2);
        assertThat(second.body().get("id").asText()).isNotEqualTo(first.body().get("id").asText());
        assertThat(elsewhere.header("Idempotent-Replayed")).isNull();
        assertThat(elsewhere.body().get("sequence").asLong()).isEqualTo(1);
    }

    @Test
    void concurrent_retries_with_one_key_post_one_message() throws Exception {
        Map<String, Object> body = message("user", "sent four times at once");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ConversationClient attempt = new ConversationClient(new Http(port), client.token());
                attempts.add(() -> attempt.post(id, body, "burst"));
            }
            List<String> ids = new ArrayList<>();
            for (Future<Response> result : pool.invokeAll(attempts)) {
                Response response = result.get();
                // a retry racing the original on another node would answer 409 (concurrent change); here all succeed
                assertThat(response.status()).as(response.toString()).isEqualTo(201);
                ids.add(response.body().get("id").asText());
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(client.conversation(id).body().get("messageCount").asLong()).isEqualTo(1);
    }
}
