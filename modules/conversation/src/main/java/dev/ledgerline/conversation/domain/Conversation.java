package dev.ledgerline.conversation.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.ledgerline.conversation.commands.ConversationRefusedException;
import dev.ledgerline.conversation.commands.ConversationRefusedException.Reason;
import dev.ledgerline.conversation.commands.DeleteConversation;
import dev.ledgerline.conversation.commands.MessageReceipt;
import dev.ledgerline.conversation.commands.PostMessage;
import dev.ledgerline.conversation.commands.RecordToolResult;
import dev.ledgerline.conversation.commands.RenameConversation;
import dev.ledgerline.conversation.commands.StartConversation;
import dev.ledgerline.conversation.events.ConversationDeleted;
import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.ConversationRenamed;
import dev.ledgerline.conversation.events.ConversationStarted;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.events.MessagePosted;
import dev.ledgerline.conversation.events.ToolCallRecorded;
import dev.ledgerline.conversation.events.ToolResultRecorded;
import dev.ledgerline.conversation.queries.MessageView;
import dev.ledgerline.conversation.queries.ToolCallView;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A conversation keeps only what its rules read: the owner, the message count (the next sequence), the capacity, the
 * expiry, its {@link ToolCalls} and its {@link RecentPosts}. Never a body.
 * Its state is a snapshot payload (Jackson, fields); bump {@code @Revision} when the fields change so that older
 * snapshots are ignored.
 */
@Aggregate(snapshotTriggerDefinition = ConversationSnapshots.TRIGGER, cache = ConversationCaching.NAME)
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
class Conversation {

    @AggregateIdentifier
    private ConversationId id;
    private UserId owner;
    private long messageCount;
    private long capacityMax;
    private long capacityUsed;
    private Instant expiresAt;
    private ToolCalls toolCalls = new ToolCalls();
    private RecentPosts recentPosts = new RecentPosts();
    /** When the last message was posted: only for the answer to the command that posts it, never in a snapshot. */
    @JsonIgnore
    private transient Instant lastPostedAt;

    Conversation() {
    }

    @CommandHandler
    Conversation(StartConversation command) {
        if (command.capacityMax() <= 0) {
            throw new IllegalArgumentException("capacityMax must be positive");
        }
        apply(new ConversationStarted(command.conversationId(), command.userId(), command.title(),
                command.capacityMax(), command.expiresAt()));
    }

    @CommandHandler
    long handle(RenameConversation command) {
        requireOwner(command.requestedBy());
        apply(new ConversationRenamed(id, command.title()));
        return version();
    }

    @CommandHandler
    MessageReceipt handle(PostMessage command) {
        requireOwner(command.requestedBy());
        String key = command.idempotencyKey();
        RecentPosts.Post earlier = recentPosts.find(key);
        if (earlier != null) {
            return replay(earlier, command.fingerprint());
        }
        requireNotExpired();
        long tokens = command.tokenCount() != null ? command.tokenCount() : TokenEstimate.of(command.content());
        requireCapacityFor(tokens);
        command.toolCalls().forEach(call -> toolCalls.requireUnused(call.callId()));
        String fingerprint = key == null ? null : command.fingerprint();
        apply(new MessagePosted(id, command.messageId(), messageCount + 1, command.role(), command.content(), tokens,
                key, fingerprint));
        command.toolCalls().forEach(call -> apply(
                new ToolCallRecorded(id, command.messageId(), call.callId(), call.name(), call.arguments())));
        // the message as the projection will write it: the event's time as the event store keeps it (to the
        // millisecond), its tool calls without results
        MessageView posted = new MessageView(command.messageId(), messageCount, command.role(), command.content(),
                tokens, command.toolCalls().stream()
                        .map(call -> new ToolCallView(call.callId(), call.name(), call.arguments(), null, null))
                        .toList(), DateTimeUtils.parseInstant(DateTimeUtils.formatInstant(lastPostedAt)));
        return new MessageReceipt(command.messageId(), version(), false, posted);
    }

    @CommandHandler
    MessageReceipt handle(RecordToolResult command) {
        requireOwner(command.requestedBy());
        MessageId messageId = toolCalls.requirePending(command.callId());
        requireNotExpired();
        apply(new ToolResultRecorded(id, messageId, command.callId(), command.output(), command.status()));
        return MessageReceipt.of(messageId, version(), false);
    }

    @CommandHandler
    long handle(DeleteConversation command) {
        requireOwner(command.requestedBy());
        apply(new ConversationDeleted(id));
        return version();
    }

    private void requireOwner(UserId user) {
        if (!owner.equals(user)) {
            // another user's conversation answers exactly like one that does not exist
            throw new AggregateNotFoundException(id.toString(), "No such conversation");
        }
    }

    private void requireNotExpired() {
        if (expiresAt != null && !GenericEventMessage.clock.instant().isBefore(expiresAt)) {
            throw new ConversationRefusedException(Reason.EXPIRED, "The conversation expired at " + expiresAt + ".");
        }
    }

    private void requireCapacityFor(long tokens) {
        if (capacityUsed + tokens > capacityMax) {
            throw new ConversationRefusedException(Reason.CAPACITY_EXCEEDED, "The message needs " + tokens
                    + " tokens but only " + (capacityMax - capacityUsed) + " of " + capacityMax + " are left.");
        }
    }

    private MessageReceipt replay(RecentPosts.Post earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            throw new ConversationRefusedException(Reason.IDEMPOTENCY_KEY_REUSED,
                    "The Idempotency-Key was already used for a different message in this conversation.");
        }
        return MessageReceipt.of(earlier.messageId(), version(), true);
    }

    private static long version() {
        return Objects.requireNonNull(AggregateLifecycle.getVersion(), "version");
    }

    @EventSourcingHandler
    void on(ConversationStarted event) {
        id = event.conversationId();
        owner = event.userId();
        capacityMax = event.capacityMax();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(MessagePosted event, @Timestamp Instant at) {
        messageCount = event.sequence();
        lastPostedAt = at;
        capacityUsed += event.tokenCount();
        if (event.idempotencyKey() != null) {
            recentPosts.remember(event.idempotencyKey(), event.messageId(), event.requestFingerprint());
        }
    }

    @EventSourcingHandler
    void on(ToolCallRecorded event) {
        toolCalls.called(event.callId(), event.messageId());
    }

    @EventSourcingHandler
    void on(ToolResultRecorded event) {
        toolCalls.answered(event.callId());
    }

    @EventSourcingHandler
    void on(ConversationDeleted event) {
        markDeleted();
    }
}
