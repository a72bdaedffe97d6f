package dev.ledgerline.conversation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.ledgerline.conversation.events.ConversationDeleted;
import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.ConversationRenamed;
import dev.ledgerline.conversation.events.ConversationStarted;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.events.MessagePosted;
import dev.ledgerline.conversation.events.MessageRole;
import dev.ledgerline.conversation.events.ToolCallRecorded;
import dev.ledgerline.conversation.events.ToolResultRecorded;
import dev.ledgerline.conversation.events.ToolResultStatus;
import dev.ledgerline.conversation.queries.ConversationState;
import dev.ledgerline.conversation.queries.PendingToolCall;
import dev.ledgerline.conversation.queries.ToolCallView;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

class ConversationHistoryTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");
    private final ConversationId id = ConversationId.random();
    private final UserId owner = UserId.random();
    private final MessageId question = MessageId.random();
    private final MessageId lookup = MessageId.random();
    private final List<DomainEventMessage<?>> stream = new ArrayList<>();

    private void event(Object payload) {
        long sequence = stream.size();
        stream.add(new GenericDomainEventMessage<>("Conversation", id.toString(), sequence, payload, null, null,
                T0.plusSeconds(sequence)));
    }

    private void exchange() {
        event(new ConversationStarted(id, owner, "Plans", 1_000, null));
        event(new MessagePosted(id, question, 1, MessageRole.USER, "What is due?", 3, null, null));
        event(new MessagePosted(id, lookup, 2, MessageRole.ASSISTANT, "Let me look.", 3, null, null));
        event(new ToolCallRecorded(id, lookup, "call_1", "search_tasks", "{\"due\":\"today\"}"));
        event(new ToolCallRecorded(id, lookup, "call_2", "calendar", "{}"));
        event(new ToolResultRecorded(id, lookup, "call_1", "2 tasks", ToolResultStatus.OK));
    }

    @Test
    void replaying_a_stream_gives_the_conversation_with_messages_in_sequence_and_tool_calls_merged() {
        exchange();

        ConversationState state = ConversationHistory.replay(stream).orElseThrow();

        assertThat(state.conversation().messageCount()).isEqualTo(2);
        assertThat(state.conversation().capacityUsed()).isEqualTo(6);
        assertThat(state.conversation().createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
        assertThat(state.conversation().updatedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:05.123456Z"));
        assertThat(state.conversation().pendingToolCalls())
                .containsExactly(new PendingToolCall("call_2", "calendar", lookup));
        assertThat(state.messages()).extracting(message -> message.sequence()).containsExactly(1L, 2L);
        assertThat(state.messages().get(1).toolCalls()).containsExactly(
                new ToolCallView("call_1", "search_tasks", "{\"due\":\"today\"}", "2 tasks", ToolResultStatus.OK),
                new ToolCallView("call_2", "calendar", "{}", null, null));
    }

    @Test
    void the_state_can_be_read_after_every_event() {
        exchange();
        ConversationHistory history = new ConversationHistory();
        List<Long> counts = new ArrayList<>();
        for (DomainEventMessage<?> event : stream) {
            counts.add(history.apply(event).state().orElseThrow().conversation().messageCount());
        }
        assertThat(counts).containsExactly(0L, 1L, 2L, 2L, 2L, 2L);
    }

    @Test
    void an_event_delivered_twice_is_applied_once() {
        exchange();
        List<DomainEventMessage<?>> redelivered = new ArrayList<>(stream);
        redelivered.addAll(stream.subList(1, 3));

        ConversationState state = ConversationHistory.replay(redelivered).orElseThrow();

        assertThat(state.conversation().messageCount()).isEqualTo(2);
        assertThat(state.conversation().capacityUsed()).isEqualTo(6);
    }

    @Test
    void a_renamed_conversation_shows_its_new_title() {
        event(new ConversationStarted(id, owner, "Plans", 1_000, null));
        event(new ConversationRenamed(id, null));

        assertThat(ConversationHistory.replay(stream).orElseThrow().conversation().title()).isNull();
    }

    @Test
    void a_deleted_conversation_has_no_state() {
        exchange();
        event(new ConversationDeleted(id));

        assertThat(ConversationHistory.replay(stream)).isEmpty();
    }
}
