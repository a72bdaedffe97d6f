package dev.ledgerline.conversation.commands;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.events.MessageRole;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Post a message as the conversation's next one. {@code tokenCount} null means "estimate it"; {@code toolCalls} only
 * on assistant messages; {@code idempotencyKey} may be null. Answers a {@link MessageReceipt}.
 */
public record PostMessage(@TargetAggregateIdentifier ConversationId conversationId, UserId requestedBy,
                          MessageId messageId, MessageRole role, String content, Long tokenCount,
                          List<ToolCall> toolCalls, String idempotencyKey) {

    public PostMessage {
        toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
    }

    /** One tool the assistant calls; {@code arguments} is the text of a JSON object. */
    public record ToolCall(String callId, String name, String arguments) {
    }

    /** Identifies the request's content (not its message id), so that a retry can be told from a different request. */
    public String fingerprint() {
        MessageDigest digest = sha256();
        update(digest, role.wireName());
        update(digest, content);
        update(digest, tokenCount == null ? "" : tokenCount.toString());
        for (ToolCall call : toolCalls) {
            update(digest, call.callId());
            update(digest, call.name());
            update(digest, call.arguments());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
