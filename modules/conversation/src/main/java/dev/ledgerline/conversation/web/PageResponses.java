package dev.ledgerline.conversation.web;

import java.util.List;

import dev.ledgerline.conversation.queries.ConversationPage;
import dev.ledgerline.conversation.queries.MessagePage;

final class PageResponses {

    private PageResponses() {
    }

    record ConversationPageResponse(List<ConversationResponse> data, String nextCursor) {
        static ConversationPageResponse of(ConversationPage page) {
            return new ConversationPageResponse(page.data().stream().map(ConversationResponse::of).toList(),
                    page.nextCursor());
        }
    }

    record MessagePageResponse(List<MessageResponse> data, Long firstSequence, Long lastSequence, boolean hasMore) {
        static MessagePageResponse of(MessagePage page) {
            return new MessagePageResponse(page.data().stream().map(MessageResponse::of).toList(),
                    page.firstSequence(), page.lastSequence(), page.hasMore());
        }
    }
}
