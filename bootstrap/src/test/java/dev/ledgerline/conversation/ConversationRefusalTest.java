package dev.ledgerline.conversation;

import static dev.ledgerline.conversation.ConversationClient.assistantCalling;
import static dev.ledgerline.conversation.ConversationClient.message;
import static dev.ledgerline.conversation.ConversationClient.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.Http.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@EndToEndTest
class ConversationRefusalTest {

    private static final String PROBLEMS = "https://ledgerline.dev/problems/";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    private ConversationClient alice;
    private ConversationEventLog events;

    @BeforeEach
    void setUp() {
        alice = ConversationUsers.newClient(new Http(port));
        events = new ConversationEventLog(jdbc);
    }

    @Test
    void a_message_that_would_exceed_the_capacity_is_refused_with_409_and_nothing_is_written() {
        String id = alice.startConversation(Http.json("capacityMax", 10));
        assertThat(alice.post(id, Http.json("role", "user", "content", "hi", "tokenCount", 6)).status()).isEqualTo(201);

        Response refused = alice.post(id, Http.json("role", "user", "content", "more", "tokenCount", 5));

        assertProblem(refused, 409, "conversation-capacity-exceeded");
        assertThat(events.causedBy(alice.lastRequestId())).isZero();
        assertThat(alice.conversation(id).body().get("capacityUsed").asLong()).isEqualTo(6);
        assertThat(alice.post(id, Http.json("role", "user", "content", "more", "tokenCount", 4)).status())
                .isEqualTo(201);
    }

    @Test
    void an_estimated_token_count_is_refused_like_a_given_one() {
        String id = alice.startConversation(Http.json("capacityMax", 10));
        assertProblem(alice.post(id, message("user", "x".repeat(41))), 409, "conversation-capacity-exceeded");
        Response fits = alice.post(id, message("user", "x".repeat(40)));
        assertThat(fits.body().get("tokenCount").asLong()).isEqualTo(10);
    }

    @Test
    void after_the_expiry_posting_is_refused_with_409_and_reading_stays_possible() throws InterruptedException {
        Instant expiresAt = Instant.now().plusSeconds(2);
        String id = alice.startConversation(Http.json("expiresAt", expiresAt.toString()));
        Response before =
                alice.post(id, assistantCalling("Checking.", List.of(toolCall("call_x", "lookup", Map.of()))));
        assertThat(before.status()).as(before.toString()).isEqualTo(201);

        // the expiry is a fixed instant: wait until it has passed on this machine's clock, which the server shares
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis() + 50));

        assertProblem(alice.post(id, message("user", "too late")), 409, "conversation-expired");
        assertThat(events.causedBy(alice.lastRequestId())).isZero();
        assertProblem(alice.result(id, "call_x", Http.json("output", "late", "status", "ok")), 409,
                "conversation-expired");
        assertThat(alice.messages(id, "").body().get("data")).hasSize(1);
        Response conversation = alice.conversation(id);
        assertThat(conversation.status()).isEqualTo(200);
        assertThat(Instant.parse(conversation.body().get("expiresAt").asText()))
                .isEqualTo(expiresAt.truncatedTo(ChronoUnit.MICROS));
        assertThat(alice.rename(id, Http.json("title", "archived")).status()).isEqualTo(200);
    }

    @Test
    void another_users_conversation_answers_404_on_every_route_like_a_missing_one() {
        String id = alice.startConversation();
        alice.post(id, assistantCalling("Checking.", List.of(toolCall("call_1", "lookup", Map.of()))));
        ConversationClient mallory = ConversationUsers.newClient(new Http(port));
        long before = events.of(id);

        for (String target : new String[] {id, UUID.randomUUID().toString()}) {
            assertNotFound(mallory.conversation(target));
            assertNotFound(mallory.messages(target, ""));
            assertNotFound(mallory.rename(target, Http.json("title", "mine")));
            assertNotFound(mallory.post(target, message("user", "hello")));
            assertNotFound(mallory.post(target, message("user", "hello"), "key-1"));
            assertNotFound(mallory.result(target, "call_1", Http.json("output", "x", "status", "ok")));
            assertNotFound(mallory.delete(target));
        }
        assertThat(ConversationExchangeTest.ids(mallory.get("/api/conversations").body().get("data")))
                .doesNotContain(id);
        assertThat(events.of(id)).isEqualTo(before);
        assertThat(alice.conversation(id).status()).isEqualTo(200);
        assertThat(alice.conversation(id).body().get("pendingToolCalls")).hasSize(1);
    }

    @Test
    void invalid_messages_answer_400_problem_json_and_write_nothing() {
        String id = alice.startConversation();
        List<Object> bodies = List.of(
                Http.json("content", "no role"),
                Http.json("role", "robot", "content", "hi"),
                Http.json("role", "user"),
                Http.json("role", "user", "content", ""),
                Http.json("role", "user", "content", "x".repeat(100_001)),
                Http.json("role", "user", "content", "hi", "tokenCount", -1),
                Http.json("role", "user", "content", "hi", "tokenCount", "many"),
                Http.json("role", "user", "content", "hi", "sender", "me"),
                Http.json("role", "user", "content", "hi", "toolCalls", List.of(toolCall("c1", "lookup", Map.of()))),
                assistantCalling("hi", List.of(toolCall("c1", "lookup", Map.of()), toolCall("c1", "other", Map.of()))),
                assistantCalling("hi", List.of(toolCall("has space", "lookup", Map.of()))),
                assistantCalling("hi", List.of(toolCall("c1", "", Map.of()))),
                assistantCalling("hi", List.of(Http.json("callId", "c1", "name", "lookup", "arguments", List.of(1)))),
                assistantCalling("hi", List.of(Http.json("callId", "c1", "name", "lookup", "arguments", "{}"))),
                "{\"role\": \"user\", \"content\": ",
                "[]");
        for (Object body : bodies) {
            Response response = alice.post(id, body);
            String shown = String.valueOf(body);
            assertThat(response.status()).as(shown.substring(0, Math.min(120, shown.length()))).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(events.causedBy(alice.lastRequestId())).isZero();
        }
        assertThat(alice.post(id, message("user", "hi"), " ").status()).isEqualTo(400);
        assertThat(alice.post(id, message("user", "hi"), "k".repeat(256)).status()).isEqualTo(400);
        assertThat(alice.messages(id, "").body().get("data")).isEmpty();
        assertThat(events.of(id)).isEqualTo(1);
    }

    @Test
    void invalid_conversation_requests_answer_4xx_problem_json_and_write_nothing() {
        String id = alice.startConversation();
        alice.post(id, assistantCalling("Checking.", List.of(toolCall("call_1", "lookup", Map.of()))));
        long before = events.of(id);
        List<Response> responses = List.of(
                alice.start(Http.json("title", "t".repeat(201))),
                alice.start(Http.json("capacityMax", 0)),
                alice.start(Http.json("capacityMax", 10_000_001)),
                alice.start(Http.json("expiresAt", Instant.now().minusSeconds(60).toString())),
                alice.start(Http.json("expiresAt", "tomorrow")),
                alice.start(Http.json("owner", "someone")),
                alice.rename(id, Http.json()),
                alice.rename(id, Http.json("title", "t".repeat(201))),
                alice.result(id, "call_1", Http.json("output", "x", "status", "maybe")),
                alice.result(id, "call_1", Http.json("status", "ok")),
                alice.result(id, "call_1", Http.json("output", "x".repeat(100_001), "status", "ok")),
                alice.conversation("not-a-uuid"),
                alice.post("not-a-uuid", message("user", "hi")),
                alice.send("POST", "/api/conversations/" + id + "/messages", null, Map.of()));
        for (Response response : responses) {
            assertThat(response.status()).as(response.toString()).isBetween(400, 499);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        Response textBody = alice.send("POST", "/api/conversations/" + id + "/messages", "hello",
                Map.of("Content-Type", "text/plain"));
        assertThat(textBody.status()).isEqualTo(415);
        assertThat(events.of(id)).isEqualTo(before);
    }

    private static void assertProblem(Response response, int status, String slug) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asText()).isEqualTo(PROBLEMS + slug);
    }

    private static void assertNotFound(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
