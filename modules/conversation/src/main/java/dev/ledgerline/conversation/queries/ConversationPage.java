package dev.ledgerline.conversation.queries;

import java.util.List;

/** A page of conversations, most recently active first; {@code nextCursor} is null on the last page. */
public record ConversationPage(List<ConversationView> data, String nextCursor) {

    public ConversationPage {
        data = List.copyOf(data);
    }
}
