package dev.ledgerline.conversation.queries;

import java.util.List;

/** A conversation and all its messages in sequence order, as the read tables show (or showed) them. */
public record ConversationState(ConversationView conversation, List<MessageView> messages) {

    public ConversationState {
        messages = List.copyOf(messages);
    }
}
