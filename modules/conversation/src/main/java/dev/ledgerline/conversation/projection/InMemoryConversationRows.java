package dev.ledgerline.conversation.projection;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.queries.ToolCallView;
import dev.ledgerline.identity.events.UserId;

/** Rows in memory, for replaying one conversation's events without touching the read tables. */
final class InMemoryConversationRows implements ConversationRows {

    private final Map<ConversationId, ConversationRow> conversations = new LinkedHashMap<>();
    private final Map<MessageId, MessageRow> messages = new LinkedHashMap<>();

    @Override
    public Optional<ConversationRow> conversation(ConversationId id) {
        return Optional.ofNullable(conversations.get(id));
    }

    @Override
    public void insertConversation(ConversationRow row) {
        conversations.putIfAbsent(row.id(), row);
    }

    @Override
    public void updateConversation(ConversationRow row) {
        conversations.replace(row.id(), row);
    }

    @Override
    public void deleteConversation(ConversationId id) {
        conversations.remove(id);
        messages.values().removeIf(message -> message.conversationId().equals(id));
    }

    @Override
    public void deleteConversationsOf(UserId userId) {
        conversations.values().stream().filter(row -> row.userId().equals(userId)).map(ConversationRow::id).toList()
                .forEach(this::deleteConversation);
    }

    @Override
    public void insertMessage(MessageRow row) {
        if (conversations.containsKey(row.conversationId())) {
            messages.putIfAbsent(row.id(), row);
        }
    }

    @Override
    public Optional<MessageRow> message(MessageId id) {
        return Optional.ofNullable(messages.get(id));
    }

    @Override
    public void updateToolCalls(MessageId id, List<ToolCallView> toolCalls) {
        messages.computeIfPresent(id, (key, row) -> new MessageRow(row.id(), row.conversationId(), row.userId(),
                row.sequence(), row.role(), row.content(), row.tokenCount(), toolCalls, row.createdAt()));
    }

    @Override
    public void clear() {
        conversations.clear();
        messages.clear();
    }

    List<MessageRow> messagesOf(ConversationId id) {
        return messages.values().stream().filter(message -> message.conversationId().equals(id))
                .sorted(Comparator.comparingLong(MessageRow::sequence)).toList();
    }
}
