package dev.ledgerline.conversation.web;

import java.util.List;

import dev.ledgerline.conversation.api.ConversationJson;
import dev.ledgerline.conversation.api.MessageJson;
import dev.ledgerline.conversation.queries.ConversationPage;
import dev.ledgerline.conversation.queries.MessagePage;

final class PageResponses {

    private PageResponses() {
    }

    record ConversationPageResponse(List<ConversationJson> data, String nextCursor) {
        static ConversationPageResponse of(ConversationPage page) {
            return new ConversationPageResponse(page.data().stream().map(ConversationJson::of).toList(),
                    page.nextCursor());
        }
    }

    record MessagePageResponse(List<MessageJson> data, Long firstSequence, Long lastSequence, boolean hasMore) {
        static MessagePageResponse of(MessagePage page) {
            return new MessagePageResponse(page.data().stream().map(MessageJson::of).toList(),
                    page.firstSequence(), page.lastSequence(), page.hasMore());
        }
    }
}
