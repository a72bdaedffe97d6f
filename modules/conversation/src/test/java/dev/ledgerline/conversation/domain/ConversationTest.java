package dev.ledgerline.conversation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.ledgerline.conversation.commands.ConversationRefusedException;
import dev.ledgerline.conversation.commands.ConversationRefusedException.Reason;
import dev.ledgerline.conversation.commands.DeleteConversation;
import dev.ledgerline.conversation.commands.MessageReceipt;
import dev.ledgerline.conversation.commands.PostMessage;
import dev.ledgerline.conversation.commands.PostMessage.ToolCall;
import dev.ledgerline.conversation.commands.RecordToolResult;
import dev.ledgerline.conversation.commands.RenameConversation;
import dev.ledgerline.conversation.commands.StartConversation;
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
import dev.ledgerline.conversation.queries.MessageView;
import dev.ledgerline.conversation.queries.ToolCallView;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final ConversationId id = ConversationId.random();
    private final UserId owner = UserId.random();
    private final MessageId first = MessageId.random();
    private final MessageId second = MessageId.random();
    private AggregateTestFixture<Conversation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conversation.class);
    }

    private ConversationStarted started(long capacity, Instant expiresAt) {
        return new ConversationStarted(id, owner, "Plans", capacity, expiresAt);
    }

    private ConversationStarted started() {
        return started(100_000, null);
    }

    private PostMessage post(MessageId messageId, String content, Long tokens) {
        return new PostMessage(id, owner, messageId, MessageRole.USER, content, tokens, List.of(), null);
    }

    private PostMessage keyed(MessageId messageId, String content, String key) {
        return new PostMessage(id, owner, messageId, MessageRole.USER, content, 3L, List.of(), key);
    }

    private MessagePosted posted(MessageId messageId, long sequence, String content, long tokens) {
        return new MessagePosted(id, messageId, sequence, MessageRole.USER, content, tokens, null, null);
    }

    private PostMessage assistantCalling(MessageId messageId, String... callIds) {
        List<ToolCall> calls = new ArrayList<>();
        for (String callId : callIds) {
            calls.add(new ToolCall(callId, "search_tasks", "{\"q\":\"" + callId + "\"}"));
        }
        return new PostMessage(id, owner, messageId, MessageRole.ASSISTANT, "Let me look.", 4L, calls, null);
    }

    private static Matcher<Exception> refusedFor(Reason reason) {
        return Matchers.predicate(e -> e instanceof ConversationRefusedException r && r.reason() == reason);
    }

    @Test
    void starting_a_conversation_records_its_owner_title_capacity_and_expiry() {
        Instant expiry = NOW.plusSeconds(3600);
        fixture.givenNoPriorActivity()
                .when(new StartConversation(id, owner, "Plans", 5_000, expiry))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ConversationStarted(id, owner, "Plans", 5_000, expiry));
    }

    @Test
    void the_first_message_gets_sequence_one_and_is_answered_with_the_version_as_the_store_keeps_its_time() {
        fixture.given(started())
                .andGivenCurrentTime(NOW.plusNanos(123_456_789))
                .when(post(first, "hello", 2L))
                .expectEvents(posted(first, 1, "hello", 2))
                .expectResultMessagePayload(new MessageReceipt(first, 1, false, new MessageView(first, 1,
                        MessageRole.USER, "hello", 2, List.of(), NOW.plusMillis(123))));
    }

    @Test
    void each_message_gets_the_next_sequence_number() {
        fixture.given(started(), posted(first, 1, "hello", 2))
                .when(post(second, "again", 2L))
                .expectEvents(posted(second, 2, "again", 2));
    }

    @Test
    void a_message_without_token_count_is_estimated_as_a_quarter_of_its_characters_rounded_up() {
        fixture.given(started())
                .when(post(first, "hello", null))
                .expectEvents(posted(first, 1, "hello", 2));
    }

    @Test
    void a_message_that_exactly_fills_the_capacity_is_accepted() {
        fixture.given(started(10, null), posted(first, 1, "hello", 6))
                .when(post(second, "more", 4L))
                .expectEvents(posted(second, 2, "more", 4));
    }

    @Test
    void a_message_that_would_exceed_the_capacity_is_refused_and_writes_nothing() {
        fixture.given(started(10, null), posted(first, 1, "hello", 6))
                .when(post(second, "more", 5L))
                .expectException(refusedFor(Reason.CAPACITY_EXCEEDED))
                .expectNoEvents();
    }

    @Test
    void an_estimated_token_count_also_counts_against_the_capacity() {
        fixture.given(started(1, null))
                .when(post(first, "hello", null))
                .expectException(refusedFor(Reason.CAPACITY_EXCEEDED))
                .expectNoEvents();
    }

    @Test
    void posting_before_the_expiry_is_accepted() {
        fixture.given(started(100, NOW.plusSeconds(1)))
                .andGivenCurrentTime(NOW)
                .when(post(first, "hello", 2L))
                .expectEvents(posted(first, 1, "hello", 2));
    }

    @Test
    void posting_at_or_after_the_expiry_is_refused_and_writes_nothing() {
        fixture.given(started(100, NOW))
                .andGivenCurrentTime(NOW)
                .when(post(first, "hello", 2L))
                .expectException(refusedFor(Reason.EXPIRED))
                .expectNoEvents();
    }

    @Test
    void an_expired_conversation_can_still_be_renamed() {
        fixture.given(started(100, NOW.minusSeconds(60)))
                .andGivenCurrentTime(NOW)
                .when(new RenameConversation(id, owner, "Old plans"))
                .expectEvents(new ConversationRenamed(id, "Old plans"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void an_assistant_message_records_each_tool_call_linked_to_the_message() {
        fixture.given(started())
                .andGivenCurrentTime(NOW)
                .when(assistantCalling(first, "call_1", "call_2"))
                .expectEvents(
                        new MessagePosted(id, first, 1, MessageRole.ASSISTANT, "Let me look.", 4, null, null),
                        new ToolCallRecorded(id, first, "call_1", "search_tasks", "{\"q\":\"call_1\"}"),
                        new ToolCallRecorded(id, first, "call_2", "search_tasks", "{\"q\":\"call_2\"}"))
                .expectResultMessagePayload(new MessageReceipt(first, 3, false, new MessageView(first, 1,
                        MessageRole.ASSISTANT, "Let me look.", 4, List.of(
                        new ToolCallView("call_1", "search_tasks", "{\"q\":\"call_1\"}", null, null),
                        new ToolCallView("call_2", "search_tasks", "{\"q\":\"call_2\"}", null, null)), NOW)));
    }

    @Test
    void a_tool_call_id_already_used_in_the_conversation_is_refused() {
        fixture.given(started(), new MessagePosted(id, first, 1, MessageRole.ASSISTANT, "x", 1, null, null),
                        new ToolCallRecorded(id, first, "call_1", "search_tasks", "{}"))
                .when(assistantCalling(second, "call_1"))
                .expectException(refusedFor(Reason.TOOL_CALL_ID_IN_USE))
                .expectNoEvents();
    }

    @Test
    void a_result_for_a_pending_tool_call_is_recorded_on_its_message() {
        fixture.given(started(), new MessagePosted(id, first, 1, MessageRole.ASSISTANT, "x", 1, null, null),
                        new ToolCallRecorded(id, first, "call_1", "search_tasks", "{}"))
                .when(new RecordToolResult(id, owner, "call_1", "3 tasks", ToolResultStatus.OK))
                .expectEvents(new ToolResultRecorded(id, first, "call_1", "3 tasks", ToolResultStatus.OK))
                .expectResultMessagePayload(MessageReceipt.of(first, 3, false));
    }

    @Test
    void a_second_result_for_the_same_tool_call_is_refused() {
        fixture.given(started(), new MessagePosted(id, first, 1, MessageRole.ASSISTANT, "x", 1, null, null),
                        new ToolCallRecorded(id, first, "call_1", "search_tasks", "{}"),
                        new ToolResultRecorded(id, first, "call_1", "3 tasks", ToolResultStatus.OK))
                .when(new RecordToolResult(id, owner, "call_1", "again", ToolResultStatus.ERROR))
                .expectException(refusedFor(Reason.TOOL_RESULT_ALREADY_RECORDED))
                .expectNoEvents();
    }

    @Test
    void a_result_for_an_unknown_tool_call_is_refused() {
        fixture.given(started())
                .when(new RecordToolResult(id, owner, "call_404", "x", ToolResultStatus.OK))
                .expectException(refusedFor(Reason.TOOL_CALL_NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void a_result_after_the_expiry_is_refused() {
        fixture.given(started(100, NOW), new MessagePosted(id, first, 1, MessageRole.ASSISTANT, "x", 1, null, null),
                        new ToolCallRecorded(id, first, "call_1", "search_tasks", "{}"))
                .andGivenCurrentTime(NOW.plusSeconds(1))
                .when(new RecordToolResult(id, owner, "call_1", "late", ToolResultStatus.OK))
                .expectException(refusedFor(Reason.EXPIRED))
                .expectNoEvents();
    }

    @Test
    void a_post_with_an_idempotency_key_records_the_key_and_the_request_fingerprint() {
        PostMessage command = keyed(first, "hello", "key-1");
        fixture.given(started())
                .when(command)
                .expectEvents(new MessagePosted(id, first, 1, MessageRole.USER, "hello", 3, "key-1",
                        command.fingerprint()));
    }

    @Test
    void the_same_idempotency_key_with_the_same_body_answers_the_original_message_and_writes_nothing() {
        PostMessage original = keyed(first, "hello", "key-1");
        fixture.given(started(), new MessagePosted(id, first, 1, MessageRole.USER, "hello", 3, "key-1",
                        original.fingerprint()))
                .when(keyed(second, "hello", "key-1"))
                .expectNoEvents()
                .expectResultMessagePayload(MessageReceipt.of(first, 1, true));
    }

    @Test
    void an_idempotent_retry_is_answered_even_when_the_conversation_has_expired_or_filled_up_since() {
        PostMessage original = keyed(first, "hello", "key-1");
        fixture.given(started(3, NOW), new MessagePosted(id, first, 1, MessageRole.USER, "hello", 3, "key-1",
                        original.fingerprint()))
                .andGivenCurrentTime(NOW.plusSeconds(10))
                .when(keyed(second, "hello", "key-1"))
                .expectNoEvents()
                .expectResultMessagePayload(MessageReceipt.of(first, 1, true));
    }

    @Test
    void the_same_idempotency_key_with_a_different_body_is_refused() {
        PostMessage original = keyed(first, "hello", "key-1");
        fixture.given(started(), new MessagePosted(id, first, 1, MessageRole.USER, "hello", 3, "key-1",
                        original.fingerprint()))
                .when(keyed(second, "goodbye", "key-1"))
                .expectException(refusedFor(Reason.IDEMPOTENCY_KEY_REUSED))
                .expectNoEvents();
    }

    @Test
    void a_different_idempotency_key_posts_a_new_message() {
        PostMessage original = keyed(first, "hello", "key-1");
        PostMessage next = keyed(second, "hello", "key-2");
        fixture.given(started(), new MessagePosted(id, first, 1, MessageRole.USER, "hello", 3, "key-1",
                        original.fingerprint()))
                .when(next)
                .expectEvents(new MessagePosted(id, second, 2, MessageRole.USER, "hello", 3, "key-2",
                        next.fingerprint()));
    }

    @Test
    void only_the_latest_hundred_idempotency_keys_are_remembered() {
        List<Object> history = new ArrayList<>();
        history.add(started(10_000_000, null));
        for (int i = 1; i <= RecentPosts.REMEMBERED + 1; i++) {
            PostMessage earlier = keyed(MessageId.random(), "hello", "key-" + i);
            history.add(new MessagePosted(id, earlier.messageId(), i, MessageRole.USER, "hello", 3, "key-" + i,
                    earlier.fingerprint()));
        }
        PostMessage forgotten = keyed(first, "goodbye", "key-1");
        fixture.given(history)
                .when(forgotten)
                .expectEvents(new MessagePosted(id, first, RecentPosts.REMEMBERED + 2, MessageRole.USER,
                        "goodbye", 3, "key-1", forgotten.fingerprint()));
    }

    @Test
    void another_users_conversation_answers_as_if_it_did_not_exist() {
        fixture.given(started())
                .when(new PostMessage(id, UserId.random(), first, MessageRole.USER, "hi", 1L, List.of(), null))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void another_user_cannot_rename_record_results_or_delete() {
        UserId stranger = UserId.random();
        fixture.given(started()).when(new RenameConversation(id, stranger, "mine"))
                .expectException(AggregateNotFoundException.class);
        fixture.given(started()).when(new RecordToolResult(id, stranger, "call_1", "x", ToolResultStatus.OK))
                .expectException(AggregateNotFoundException.class);
        fixture.given(started()).when(new DeleteConversation(id, stranger))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void deleting_a_conversation_records_it() {
        fixture.given(started(), posted(first, 1, "hello", 2))
                .when(new DeleteConversation(id, owner))
                .expectEvents(new ConversationDeleted(id))
                .expectResultMessagePayload(2L);
    }

    @Test
    void a_deleted_conversation_accepts_no_command() {
        fixture.given(started(), new ConversationDeleted(id))
                .when(post(first, "hello", 2L))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }
}
