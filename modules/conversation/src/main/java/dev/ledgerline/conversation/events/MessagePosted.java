package dev.ledgerline.conversation.events;

import org.axonframework.serialization.Revision;

/**
 * A message was added as the conversation's {@code sequence}-th (from 1); its tool calls follow as
 * {@link ToolCallRecorded} events of the same command, and {@code idempotencyKey}/{@code requestFingerprint} (null
 * without an {@code Idempotency-Key}) let a retry of the same request be recognised.
 */
@Revision("1")
public record MessagePosted(ConversationId conversationId, MessageId messageId, long sequence, MessageRole role,
                            String content, long tokenCount, String idempotencyKey, String requestFingerprint) {
}
