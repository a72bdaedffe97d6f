package dev.ledgerline.conversation.commands;

import dev.ledgerline.conversation.events.MessageId;

/**
 * What {@link PostMessage} and {@link RecordToolResult} answer: the message concerned and the conversation's version
 * once the command is done. {@code replayed} is true when an idempotent retry returned an earlier message.
 */
public record MessageReceipt(MessageId messageId, long version, boolean replayed) {
}
