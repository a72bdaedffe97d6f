package dev.ledgerline.conversation.queries;

import java.util.List;

/**
 * A page of messages; {@code firstSequence}/{@code lastSequence} are those of the first and last message of
 * {@code data} (null when empty), {@code hasMore} says whether more messages follow in the direction read.
 */
public record MessagePage(List<MessageView> data, Long firstSequence, Long lastSequence, boolean hasMore) {

    public MessagePage {
        data = List.copyOf(data);
    }
}
