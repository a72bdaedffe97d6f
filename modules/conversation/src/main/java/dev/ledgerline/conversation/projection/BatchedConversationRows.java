package dev.ledgerline.conversation.projection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.ConversationStarted;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.conversation.queries.ToolCallView;
import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.operations.api.ShadowTransactions;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The read tables, written once per unit of work. The projection handles a batch of events in one transaction (see
 * {@link ConversationProjectionConfiguration}); within it, every row read or written is kept in memory and the changes
 * reach the database just before the commit, as JDBC batches. A conversation that receives 100 messages in one batch is
 * read once and updated once, and its 100 messages are inserted by one batched statement, instead of 400 statements.
 * <p>
 * What the database sees is what write-through would have left at the commit: deletions first write everything
 * pending (so they apply to the rows as they stand, cascading to messages), a new conversation still needs its owner
 * in {@code users} at the moment its event is handled, and the inserts keep their {@code ON CONFLICT DO NOTHING}.
 * Outside a unit of work every call writes through.
 */
final class BatchedConversationRows implements ConversationRows {

    /** Every event of this package belongs to a conversation: its aggregate identifier is the conversation's id. */
    private static final Package CONVERSATION_EVENTS = ConversationStarted.class.getPackage();

    private final JdbcConversationRows database;
    private final ConversationCommits commits;
    private final String resourceKey = BatchedConversationRows.class.getName() + "@" + System.identityHashCode(this);

    BatchedConversationRows(JdbcConversationRows database, ConversationCommits commits) {
        this.database = database;
        this.commits = commits;
    }

    @Override
    public Optional<ConversationRow> conversation(ConversationId id) {
        Batch batch = batch();
        return batch == null ? database.conversation(id) : batch.conversation(id);
    }

    @Override
    public void insertConversation(ConversationRow row) {
        Batch batch = batch();
        if (batch == null) {
            database.insertConversation(row);
        } else if (database.userExists(row.userId())) {
            batch.insertConversation(row);
        }
    }

    @Override
    public void updateConversation(ConversationRow row) {
        Batch batch = batch();
        if (batch == null) {
            database.updateConversation(row);
        } else {
            batch.updateConversation(row);
        }
    }

    @Override
    public void deleteConversation(ConversationId id) {
        Batch batch = batch();
        if (batch != null) {
            batch.flush();
            batch.forget();
            batch.committed.put(id, ConversationCommits.REMOVED);
        }
        database.deleteConversation(id);
    }

    @Override
    public void deleteConversationsOf(UserId userId) {
        Batch batch = batch();
        if (batch != null) {
            batch.flush();
            batch.forget();
            batch.removedUnnamed = true;
        }
        database.deleteConversationsOf(userId);
    }

    @Override
    public void insertMessage(MessageRow row) {
        Batch batch = batch();
        if (batch == null) {
            database.insertMessage(row);
        } else {
            batch.insertMessage(row);
        }
    }

    @Override
    public Optional<MessageRow> message(MessageId id) {
        Batch batch = batch();
        return batch == null ? database.message(id) : batch.message(id);
    }

    @Override
    public void updateToolCalls(MessageId id, List<ToolCallView> toolCalls) {
        Batch batch = batch();
        if (batch == null) {
            database.updateToolCalls(id, toolCalls);
        } else {
            batch.updateToolCalls(id, toolCalls);
        }
    }

    @Override
    public void clear() {
        Batch batch = batch();
        if (batch != null) {
            batch.discard();
        }
        commits.forget();
        database.clear();
    }

    /** This unit of work's pending changes, or null to write through (no unit of work, or one already committing). */
    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        if (unitOfWork.phase() != UnitOfWork.Phase.STARTED) {
            return unitOfWork.getResource(resourceKey);
        }
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            Batch batch = new Batch();
            if (unitOfWork instanceof BatchingUnitOfWork<?> events) {
                batch.readAhead(events.getMessages());
            }
            unitOfWork.onPrepareCommit(committing -> batch.flush());
            // a rebuild's shadow processor shares these handlers, and its commits reach only the shadow tables
            if (!ShadowTransactions.active()) {
                unitOfWork.afterCommit(committed -> batch.announce());
            }
            return batch;
        });
    }

    private final class Batch {
        /** Rows as this unit of work sees them; an empty value is a row known not to exist. */
        private final Map<ConversationId, Optional<ConversationRow>> conversations = new HashMap<>();
        private final Map<MessageId, Optional<MessageRow>> messages = new HashMap<>();
        /** Changes not yet written, in the order they were made. */
        private final Map<ConversationId, ConversationRow> insertedConversations = new LinkedHashMap<>();
        private final Map<ConversationId, ConversationRow> updatedConversations = new LinkedHashMap<>();
        private final Map<MessageId, MessageRow> insertedMessages = new LinkedHashMap<>();
        private final Map<MessageId, List<ToolCallView>> updatedToolCalls = new LinkedHashMap<>();
        /** The versions this unit of work leaves, announced to waiting readers once it has committed. */
        private final Map<ConversationId, Long> committed = new HashMap<>();
        private boolean removedUnnamed;

        Optional<ConversationRow> conversation(ConversationId id) {
            return conversations.computeIfAbsent(id, database::conversation);
        }

        /**
         * Reads the rows of every conversation these events belong to in one query, instead of one query per
         * conversation as the handlers come to them. Nobody else writes them meanwhile: this unit of work's segment
         * owns their events, and a blue-green switch fences its token, so its commit would fail.
         */
        void readAhead(List<?> events) {
            Set<ConversationId> ids = new HashSet<>();
            for (Object event : events) {
                if (event instanceof DomainEventMessage<?> domainEvent
                        && domainEvent.getPayloadType().getPackage() == CONVERSATION_EVENTS) {
                    ids.add(ConversationId.of(domainEvent.getAggregateIdentifier()));
                }
            }
            if (ids.size() < 2) {
                return;
            }
            ids.forEach(id -> conversations.put(id, Optional.empty()));
            database.conversations(ids).forEach(row -> conversations.put(row.id(), Optional.of(row)));
        }

        void insertConversation(ConversationRow row) {
            if (conversation(row.id()).isPresent()) {
                return;
            }
            conversations.put(row.id(), Optional.of(row));
            insertedConversations.put(row.id(), row);
        }

        void updateConversation(ConversationRow row) {
            if (conversation(row.id()).isEmpty()) {
                return;
            }
            conversations.put(row.id(), Optional.of(row));
            if (insertedConversations.containsKey(row.id())) {
                insertedConversations.put(row.id(), row);
            } else {
                updatedConversations.put(row.id(), row);
            }
        }

        void insertMessage(MessageRow row) {
            // no look-up: the projector inserts a message only for an event it has not applied yet, and the insert
            // keeps ON CONFLICT DO NOTHING for the rest
            messages.put(row.id(), Optional.of(row));
            insertedMessages.put(row.id(), row);
        }

        Optional<MessageRow> message(MessageId id) {
            return messages.computeIfAbsent(id, database::message);
        }

        void updateToolCalls(MessageId id, List<ToolCallView> toolCalls) {
            Optional<MessageRow> current = message(id);
            if (current.isEmpty()) {
                return;
            }
            MessageRow row = current.get();
            MessageRow changed = new MessageRow(row.id(), row.conversationId(), row.userId(), row.sequence(),
                    row.role(), row.content(), row.tokenCount(), toolCalls, row.createdAt());
            messages.put(id, Optional.of(changed));
            if (insertedMessages.containsKey(id)) {
                insertedMessages.put(id, changed);
            } else {
                updatedToolCalls.put(id, toolCalls);
            }
        }

        /** Writes the pending changes: conversations before the messages that reference them. */
        void flush() {
            insertedConversations.values().forEach(row -> committed.put(row.id(), row.version()));
            updatedConversations.values().forEach(row -> committed.put(row.id(), row.version()));
            database.insertConversations(insertedConversations.values());
            database.updateConversations(updatedConversations.values());
            database.insertMessages(insertedMessages.values());
            database.updateToolCalls(updatedToolCalls);
            insertedConversations.clear();
            updatedConversations.clear();
            insertedMessages.clear();
            updatedToolCalls.clear();
        }

        void announce() {
            commits.committed(committed);
            if (removedUnnamed) {
                commits.committedAll();
            }
        }

        /** After a deletion nothing remembered can be trusted (it may have cascaded). */
        void forget() {
            conversations.clear();
            messages.clear();
        }

        void discard() {
            insertedConversations.clear();
            updatedConversations.clear();
            insertedMessages.clear();
            updatedToolCalls.clear();
            forget();
        }
    }
}
