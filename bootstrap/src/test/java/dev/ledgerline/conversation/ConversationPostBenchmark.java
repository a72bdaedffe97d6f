package dev.ledgerline.conversation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.ledgerline.conversation.commands.PostMessage;
import dev.ledgerline.conversation.commands.StartConversation;
import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.events.MessagePosted;
import dev.ledgerline.conversation.events.MessageRole;
import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints what a post costs on the command side (load the conversation, check its rules, append) for a new conversation
 * and for one with 10,000 earlier events. Not part of the test run (the name does not end in Test); run it with
 * {@code ./mvnw -B -pl bootstrap -am verify -Dtest=ConversationPostBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * and read the {@code BENCHMARK} lines in
 * {@code bootstrap/target/surefire-reports/*ConversationPostBenchmark-output.txt}.
 */
@EndToEndTest
class ConversationPostBenchmark {

    private static final int POSTS = 300;

    @LocalServerPort
    int port;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void posting_to_a_long_conversation_costs_about_what_posting_to_a_new_one_costs() {
        UserId owner = new UserId(TestUsers.register(new Http(port), "bench").id());
        warmUp(owner);

        List<Long> fresh = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            ConversationId id = start(owner);
            fresh.add(timePost(id, owner));
        }
        report("post to a new conversation", fresh);

        ConversationId longOne = start(owner);
        long seeding = System.nanoTime();
        seed(longOne, 10_000);
        System.out.printf("BENCHMARK seeded 10000 events in %d ms%n", (System.nanoTime() - seeding) / 1_000_000);
        System.out.printf("BENCHMARK first post after 10000 events (sources all, takes a snapshot): %.1f ms%n",
                timePost(longOne, owner) / 1e6);
        List<Long> longPosts = new ArrayList<>();
        for (int i = 0; i < POSTS; i++) {
            longPosts.add(timePost(longOne, owner));
        }
        report("post to a conversation with 10000+ events", longPosts);
    }

    private void warmUp(UserId owner) {
        ConversationId id = start(owner);
        for (int i = 0; i < 200; i++) {
            timePost(id, owner);
        }
    }

    private ConversationId start(UserId owner) {
        ConversationId id = ConversationId.random();
        commands.sendAndWait(new StartConversation(id, owner, null, 100_000_000, null));
        return id;
    }

    private long timePost(ConversationId id, UserId owner) {
        long start = System.nanoTime();
        commands.sendAndWait(new PostMessage(id, owner, MessageId.random(), MessageRole.USER, "benchmark message",
                5L, List.of(), null));
        return System.nanoTime() - start;
    }

    private void seed(ConversationId id, int count) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        for (int from = 1; from <= count; from += 1_000) {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int sequence = from; sequence < Math.min(from + 1_000, count + 1); sequence++) {
                batch.add(new GenericDomainEventMessage<>("Conversation", id.toString(), sequence,
                        new MessagePosted(id, MessageId.random(), sequence, MessageRole.USER, "seeded", 1, null, null),
                        MetaData.with("actor", "system")));
            }
            transaction.executeWithoutResult(status -> eventStore.publish(batch));
        }
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("BENCHMARK %s: n=%d median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                sorted.size(), sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 9 / 10) / 1e6,
                sorted.get(sorted.size() * 99 / 100) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }
}
