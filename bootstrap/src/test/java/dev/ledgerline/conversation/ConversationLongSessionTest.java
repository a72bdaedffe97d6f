package dev.ledgerline.conversation;

import static dev.ledgerline.conversation.ConversationClient.assistantCalling;
import static dev.ledgerline.conversation.ConversationClient.message;
import static dev.ledgerline.conversation.ConversationClient.toolCall;
import static dev.ledgerline.conversation.ConversationExchangeTest.sequences;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ledgerline.conversation.commands.PostMessage;
import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.events.MessagePosted;
import dev.ledgerline.conversation.events.MessageRole;
import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.Http.Response;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.TestUsers.TestUser;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A conversation with 10,000 messages still takes a post and answers page reads correctly. The 10,000 events are
 * appended straight to the event store in batches (the shape the aggregate writes), so the first post has to source
 * them all and leaves a snapshot behind. Timing lives in ConversationPostBenchmark, not here.
 */
@EndToEndTest
class ConversationLongSessionTest {

    private static final int SEEDED = 10_000;

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;

    @Test
    void a_conversation_with_ten_thousand_messages_still_takes_a_post_and_pages_correctly() {
        ConversationClient client = ConversationUsers.newClient(new Http(port));
        String id = client.startConversation(Http.json("capacityMax", 10_000_000));
        seed(new ConversationId(UUID.fromString(id)), SEEDED);
        awaitMessageCount(client, id, SEEDED);

        Response posted = client.post(id, message("user", "message number ten thousand and one"));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        assertThat(posted.body().get("sequence").asLong()).isEqualTo(SEEDED + 1);
        assertThat(jdbc.queryForList("SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, id)).as("snapshot taken while sourcing the long stream").isNotEmpty();
        Response next = client.post(id, message("assistant", "and ten thousand and two"));
        assertThat(next.body().get("sequence").asLong()).isEqualTo(SEEDED + 2);

        Response latest = client.messages(id, "order=desc&limit=3");
        assertThat(sequences(latest.body().get("data"))).containsExactly(10_002L, 10_001L, 10_000L);
        assertThat(latest.body().get("data").get(0).get("content").asText()).isEqualTo("and ten thousand and two");
        assertThat(latest.body().get("hasMore").asBoolean()).isTrue();
        Response middle = client.messages(id, "after=4999&limit=200");
        assertThat(sequences(middle.body().get("data"))).hasSize(200).startsWith(5_000L).endsWith(5_199L);
        assertThat(middle.body().get("data").get(0).get("content").asText()).isEqualTo("seeded message 5000");
        Response oldest = client.messages(id, "order=desc&before=3");
        assertThat(sequences(oldest.body().get("data"))).containsExactly(2L, 1L);
        assertThat(oldest.body().get("hasMore").asBoolean()).isFalse();
        assertThat(client.conversation(id).body().get("messageCount").asLong()).isEqualTo(SEEDED + 2);
    }

    @Test
    void a_snapshot_keeps_pending_tool_calls_resolved_calls_and_idempotency_keys() {
        Http http = new Http(port);
        TestUser user = TestUsers.register(http, "snapper");
        ConversationClient client = new ConversationClient(http, user.accessToken());
        String id = client.startConversation(Http.json("capacityMax", 1_000_000));
        Map<String, Object> keyed = assistantCalling("Two lookups.", List.of(
                toolCall("call_s1", "search_tasks", Map.of()), toolCall("call_s2", "calendar", Map.of())));
        Response original = client.post(id, keyed, "before-snapshot");
        client.result(id, "call_s1", Http.json("output", "done", "status", "ok"));
        ConversationId conversation = new ConversationId(UUID.fromString(id));
        UserId owner = new UserId(user.id());
        for (int i = 0; i < 60; i++) {
            commands.sendAndWait(new PostMessage(conversation, owner, MessageId.random(), MessageRole.USER,
                    "filler " + i, 1L, List.of(), null));
        }
        assertThat(jdbc.queryForList("SELECT sequence_number FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, id)).as("a snapshot after the keyed message").isNotEmpty()
                .allMatch(sequence -> sequence > 4);

        Response retry = client.post(id, keyed, "before-snapshot");
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body().get("id")).isEqualTo(original.body().get("id"));
        assertThat(client.post(id, message("user", "other"), "before-snapshot").status()).isEqualTo(422);
        assertThat(client.result(id, "call_s1", Http.json("output", "again", "status", "ok")).status()).isEqualTo(409);
        assertThat(client.result(id, "call_s2", Http.json("output", "late", "status", "ok")).status()).isEqualTo(200);
        assertThat(client.post(id, assistantCalling("Reuse.", List.of(toolCall("call_s2", "x", Map.of())))).status())
                .isEqualTo(409);
        Response next = client.post(id, message("user", "after the snapshot"));
        assertThat(next.body().get("sequence").asLong()).isEqualTo(62);
        assertThat(client.conversation(id).body().get("capacityUsed").asLong())
                .isEqualTo(original.body().get("tokenCount").asLong() + 60 + next.body().get("tokenCount").asLong());
    }

    private void seed(ConversationId id, int count) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        for (int from = 1; from <= count; from += 1_000) {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int sequence = from; sequence < Math.min(from + 1_000, count + 1); sequence++) {
                batch.add(new GenericDomainEventMessage<>("Conversation", id.toString(), sequence,
                        new MessagePosted(id, MessageId.random(), sequence, MessageRole.USER,
                                "seeded message " + sequence, 1, null, null),
                        MetaData.with("actor", "system").and("correlationId", "seed-" + id)));
            }
            transaction.executeWithoutResult(status -> eventStore.publish(batch));
        }
    }

    private static void awaitMessageCount(ConversationClient client, String id, long count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        long seen = -1;
        while (System.nanoTime() < deadline) {
            seen = client.conversation(id).body().get("messageCount").asLong();
            if (seen == count) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("the projection reached " + seen + " of " + count + " messages in time");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
