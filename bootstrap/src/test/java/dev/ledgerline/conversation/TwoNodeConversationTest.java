package dev.ledgerline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.SecondNode;
import dev.ledgerline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes take turns posting into one conversation. Each node keeps the conversations it handled in memory, so each
 * post after the second finds its node's copy missing the other node's last message: the append collides with the
 * stored sequence number, is rolled back and sent once more on fresh state. Every post must still answer 201 with the
 * next sequence, both nodes must list every message, the store must hold each exactly once, and the audit chain must
 * verify intact.
 */
@EndToEndTest
class TwoNodeConversationTest {

    private static final int POSTS = 6;

    @LocalServerPort
    int port;
    @Autowired
    DataSource dataSource;
    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void posts_taking_turns_between_two_nodes_all_land_once_and_in_order() throws Exception {
        ConversationClient onA = ConversationUsers.newClient(new Http(port));
        String id = onA.startConversation();
        try (SecondNode nodeB = SecondNode.start(dataSource, environment)) {
            ConversationClient onB = new ConversationClient(nodeB.http(), onA.token());
            List<String> contents = new ArrayList<>();
            for (int i = 1; i <= POSTS; i++) {
                ConversationClient node = i % 2 == 1 ? onA : onB;
                String content = "message " + i + " via node " + (i % 2 == 1 ? "A" : "B");
                contents.add(content);
                var posted = node.post(id, Map.of("role", "user", "content", content));
                assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
                assertThat(posted.body().get("sequence").asLong()).as(content).isEqualTo(i);
            }
            for (ConversationClient node : List.of(onA, onB)) {
                var page = node.messages(id, "limit=50");
                assertThat(page.status()).as(page.toString()).isEqualTo(200);
                List<String> listed = new ArrayList<>();
                for (JsonNode message : page.body().get("data")) {
                    listed.add(message.get("content").asText());
                }
                assertThat(listed).containsExactlyElementsOf(contents);
            }
        }
        assertThat(jdbc.queryForList("SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number", Long.class, id))
                .containsExactlyElementsOf(LongStream.rangeClosed(0, POSTS).boxed().toList());
        // each node chains from links it committed or read, never from a link of an append that was rolled back
        Http http = new Http(port);
        JsonNode verification = http.get("/api/audit/conversations/" + id + "/verify",
                TestUsers.admin(http).accessToken()).body();
        assertThat(verification.get("status").asText()).as(verification.toString()).isEqualTo("intact");
        assertThat(verification.get("eventsChecked").asLong()).isEqualTo(POSTS + 1);
    }

    /** A refusal is never decided on a copy that misses the other node's events. */
    @Test
    void a_tool_call_made_on_one_node_takes_its_result_on_the_other() throws Exception {
        ConversationClient onA = ConversationUsers.newClient(new Http(port));
        String id = onA.startConversation();
        assertThat(onA.post(id, Map.of("role", "user", "content", "anything due today?")).status()).isEqualTo(201);
        try (SecondNode nodeB = SecondNode.start(dataSource, environment)) {
            ConversationClient onB = new ConversationClient(nodeB.http(), onA.token());
            var call = onB.post(id, Map.of("role", "assistant", "content", "Let me look.", "toolCalls",
                    List.of(Map.of("callId", "call_1", "name", "search_tasks", "arguments", Map.of()))));
            assertThat(call.status()).as(call.toString()).isEqualTo(201);

            var result = onA.result(id, "call_1", Http.json("output", "2 tasks", "status", "ok"));
            assertThat(result.status()).as(result.toString()).isEqualTo(200);
            assertThat(result.body().get("toolCalls").get(0).get("output").asText()).isEqualTo("2 tasks");
            var again = onB.result(id, "call_1", Http.json("output", "again", "status", "ok"));
            assertThat(again.status()).as(again.toString()).isEqualTo(409);
        }
    }
}
