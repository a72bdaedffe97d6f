package dev.ledgerline.conversation.commands;

import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.queries.MessageView;

/**
 * What {@link PostMessage} and {@link RecordToolResult} answer: the message concerned and the conversation's version
 * once the command is done. {@code replayed} is true when an idempotent retry returned an earlier message.
 * {@code posted} is the message as this command posted it, exactly as the read tables show it once they reach
 * {@code version}; null when the command posted none (a replay, a tool result), and the message must be read.
 */
public record MessageReceipt(MessageId messageId, long version, boolean replayed, MessageView posted) {

    /** The answer of a command that posted no message of its own. */
    public static MessageReceipt of(MessageId messageId, long version, boolean replayed) {
        return new MessageReceipt(messageId, version, replayed, null);
    }
}
