package dev.ledgerline.conversation.projection;

import java.util.List;
import java.util.Optional;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.queries.ToolCallView;
import dev.ledgerline.identity.events.UserId;

/**
 * Where {@link ConversationProjector} keeps its rows: the read tables, or memory when the audit replays a stream.
 * Removing a conversation removes its messages.
 */
interface ConversationRows {

    Optional<ConversationRow> conversation(ConversationId id);

    void insertConversation(ConversationRow row);

    void updateConversation(ConversationRow row);

    void deleteConversation(ConversationId id);

    void deleteConversationsOf(UserId userId);

    void insertMessage(MessageRow row);

    Optional<MessageRow> message(MessageId id);

    void updateToolCalls(MessageId id, List<ToolCallView> toolCalls);

    void clear();
}
