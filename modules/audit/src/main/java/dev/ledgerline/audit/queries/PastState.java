package dev.ledgerline.audit.queries;

import java.time.Instant;
import java.util.List;

import dev.ledgerline.conversation.api.ConversationJson;
import dev.ledgerline.conversation.api.MessageJson;

/**
 * A conversation and its messages exactly as they stood after the event with {@code sequence} (written at
 * {@code timestamp}); {@code exists} is false once the conversation was deleted.
 */
public record PastState(long sequence, Instant timestamp, boolean exists, ConversationJson conversation,
                        List<MessageJson> messages) {

    public PastState {
        messages = List.copyOf(messages);
    }
}
