package dev.ledgerline.conversation;

import static dev.ledgerline.conversation.ConversationClient.assistantCalling;
import static dev.ledgerline.conversation.ConversationClient.message;
import static dev.ledgerline.conversation.ConversationClient.toolCall;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.Http.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@EndToEndTest
class ConversationExchangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    private ConversationClient alice;

    @BeforeEach
    void setUp() {
        alice = ConversationUsers.newClient(new Http(port));
    }

    @Test
    void a_full_assistant_exchange_reads_back_in_order_with_the_tool_calls_merged() {
        String id = alice.startConversation(Http.json("title", "Today"));

        Response question = alice.post(id, Http.json("role", "user", "content", "What is due today?", "tokenCount", 6));
        assertThat(question.status()).as(question.toString()).isEqualTo(201);
        assertThat(question.body().get("sequence").asLong()).isEqualTo(1);
        assertThat(question.body().get("toolCalls")).isEmpty();

        Response lookup = alice.post(id, assistantCalling("Let me check.", List.of(
                toolCall("call_a", "search_tasks", Map.of("query", "due:today", "limit", 5)),
                toolCall("call_b", "calendar", Map.of("day", "2026-03-01", "filters", List.of("work", "home"))))));
        assertThat(lookup.status()).as(lookup.toString()).isEqualTo(201);
        assertThat(lookup.body().get("sequence").asLong()).isEqualTo(2);
        assertThat(lookup.body().get("tokenCount").asLong()).isEqualTo(4);
        assertThat(lookup.body().get("toolCalls")).hasSize(2);
        assertThat(lookup.body().get("toolCalls").get(0).get("output").isNull()).isTrue();
        String lookupId = lookup.body().get("id").asText();

        JsonNode pending = alice.conversation(id).body().get("pendingToolCalls");
        assertThat(pending).hasSize(2);
        assertThat(pending.get(0).get("callId").asText()).isEqualTo("call_a");
        assertThat(pending.get(0).get("messageId").asText()).isEqualTo(lookupId);

        Response first = alice.result(id, "call_a", Http.json("output", "2 tasks: pay rent, call mum", "status", "ok"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body().get("id").asText()).isEqualTo(lookupId);
        assertThat(first.body().get("toolCalls").get(0).get("status").asText()).isEqualTo("ok");
        assertThat(first.body().get("toolCalls").get(1).get("status").isNull()).isTrue();
        Response second = alice.result(id, "call_b", Http.json("output", "calendar unavailable", "status", "error"));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);

        Response answer = alice.post(id, message("assistant", "You need to pay rent and call mum."));
        assertThat(answer.body().get("sequence").asLong()).isEqualTo(3);

        Response page = alice.messages(id, "");
        assertThat(page.status()).isEqualTo(200);
        JsonNode data = page.body().get("data");
        assertThat(sequences(data)).containsExactly(1L, 2L, 3L);
        assertThat(data.get(0).get("role").asText()).isEqualTo("user");
        assertThat(data.get(0).get("content").asText()).isEqualTo("What is due today?");
        assertThat(data.get(1).get("role").asText()).isEqualTo("assistant");
        JsonNode calls = data.get(1).get("toolCalls");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).get("callId").asText()).isEqualTo("call_a");
        assertThat(calls.get(0).get("name").asText()).isEqualTo("search_tasks");
        assertThat(calls.get(0).get("arguments")).isEqualTo(JSON.valueToTree(Map.of("query", "due:today", "limit", 5)));
        assertThat(calls.get(0).get("output").asText()).isEqualTo("2 tasks: pay rent, call mum");
        assertThat(calls.get(0).get("status").asText()).isEqualTo("ok");
        assertThat(calls.get(1).get("callId").asText()).isEqualTo("call_b");
        assertThat(calls.get(1).get("arguments").get("filters").get(1).asText()).isEqualTo("home");
        assertThat(calls.get(1).get("status").asText()).isEqualTo("error");
        assertThat(data.get(2).get("content").asText()).isEqualTo("You need to pay rent and call mum.");
        assertThat(page.body().get("firstSequence").asLong()).isEqualTo(1);
        assertThat(page.body().get("lastSequence").asLong()).isEqualTo(3);
        assertThat(page.body().get("hasMore").asBoolean()).isFalse();

        JsonNode conversation = alice.conversation(id).body();
        assertThat(conversation.get("title").asText()).isEqualTo("Today");
        assertThat(conversation.get("messageCount").asLong()).isEqualTo(3);
        assertThat(conversation.get("capacityUsed").asLong()).isEqualTo(6 + 4 + 9);
        assertThat(conversation.get("capacityMax").asLong()).isEqualTo(100_000);
        assertThat(conversation.get("pendingToolCalls")).isEmpty();
        assertThat(conversation.get("expiresAt").isNull()).isTrue();
    }

    @Test
    void a_tool_result_is_recorded_once_and_an_unknown_call_answers_404() {
        String id = alice.startConversation();
        alice.post(id, assistantCalling("Looking.", List.of(toolCall("call_1", "search_tasks", Map.of()))));
        assertThat(alice.result(id, "call_1", Http.json("output", "none", "status", "ok")).status()).isEqualTo(200);

        Response again = alice.result(id, "call_1", Http.json("output", "other", "status", "ok"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.body().get("type").asText())
                .isEqualTo("https://ledgerline.dev/problems/tool-result-already-recorded");

        Response unknown = alice.result(id, "call_2", Http.json("output", "x", "status", "ok"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("type").asText())
                .isEqualTo("https://ledgerline.dev/problems/tool-call-not-found");

        Response reused = alice.post(id,
                assistantCalling("Again.", List.of(toolCall("call_1", "search_tasks", Map.of()))));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.body().get("type").asText()).isEqualTo("https://ledgerline.dev/problems/tool-call-id-in-use");
        assertThat(alice.messages(id, "").body().get("data").get(0).get("toolCalls").get(0).get("output").asText())
                .isEqualTo("none");
    }

    @Test
    void conversations_are_listed_most_recently_active_first_page_by_page() {
        ConversationClient bob = ConversationUsers.newClient(new Http(port));
        String older = bob.startConversation(Http.json("title", "older"));
        String middle = bob.startConversation(Http.json("title", "middle"));
        String newest = bob.startConversation(Http.json("title", "newest"));
        bob.post(older, message("user", "bring this one to the top"));

        Response first = bob.get("/api/conversations?limit=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first.body().get("data"))).containsExactly(older, newest);
        String cursor = first.body().get("nextCursor").asText();
        Response second = bob.get("/api/conversations?limit=2&cursor=" + cursor);
        assertThat(ids(second.body().get("data"))).containsExactly(middle);
        assertThat(second.body().get("nextCursor").isNull()).isTrue();
        assertThat(first.body().get("data").get(0).get("messageCount").asLong()).isEqualTo(1);
    }

    @Test
    void a_conversation_can_be_renamed_and_deleted() {
        String id = alice.startConversation(Http.json("title", "Draft"));
        Response renamed = alice.rename(id, Http.json("title", "  Final  "));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("title").asText()).isEqualTo("Final");
        assertThat(alice.conversation(id).body().get("title").asText()).isEqualTo("Final");
        assertThat(alice.rename(id, Http.json("title", "")).body().get("title").isNull()).isTrue();

        assertThat(alice.delete(id).status()).isEqualTo(204);

        assertThat(alice.conversation(id).status()).isEqualTo(404);
        assertThat(alice.messages(id, "").status()).isEqualTo(404);
        assertThat(alice.post(id, message("user", "hello?")).status()).isEqualTo(404);
        assertThat(alice.delete(id).status()).isEqualTo(404);
    }

    @Test
    void the_answer_to_a_post_is_the_message_exactly_as_the_reads_show_it() {
        String id = alice.startConversation();
        Response question = alice.post(id, message("user", "Anything due?"));
        Response lookup = alice.post(id, assistantCalling("Let me check.", List.of(
                toolCall("call_a", "search_tasks", Map.of("query", "due:today", "limit", 5, "tags", List.of("a"))),
                toolCall("call_b", "calendar", Map.of()))));
        assertThat(question.status()).as(question.toString()).isEqualTo(201);
        assertThat(lookup.status()).as(lookup.toString()).isEqualTo(201);

        JsonNode data = alice.messages(id, "").body().get("data");
        // the time to the microsecond, the tool calls pending, the arguments as the JSON object they are
        assertThat(data.get(0)).isEqualTo(question.body());
        assertThat(data.get(1)).isEqualTo(lookup.body());
    }

    @Test
    void every_write_is_visible_to_the_read_that_follows_it() {
        String id = alice.startConversation();
        for (int i = 1; i <= 30; i++) {
            Response posted = alice.post(id, message("user", "message " + i));
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
            JsonNode latest = alice.messages(id, "order=desc&limit=1").body().get("data");
            assertThat(latest.get(0).get("id").asText()).isEqualTo(posted.body().get("id").asText());
            assertThat(alice.conversation(id).body().get("messageCount").asLong()).isEqualTo(i);
        }
    }

    static List<Long> sequences(JsonNode data) {
        List<Long> sequences = new ArrayList<>();
        data.forEach(message -> sequences.add(message.get("sequence").asLong()));
        return sequences;
    }

    static List<String> ids(JsonNode data) {
        List<String> ids = new ArrayList<>();
        data.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
