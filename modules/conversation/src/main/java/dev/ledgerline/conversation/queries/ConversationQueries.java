package dev.ledgerline.conversation.queries;

import java.util.Optional;

import dev.ledgerline.conversation.events.ConversationId;
import dev.ledgerline.conversation.events.MessageId;
import dev.ledgerline.identity.events.UserId;

/**
 * Reads of the conversation read tables, always scoped to an owner: another user's conversation is absent, exactly
 * like one that does not exist.
 */
public interface ConversationQueries {

    Optional<ConversationView> conversation(ConversationId id, UserId owner);

    /** @throws InvalidCursorException when {@code cursor} is not one this server handed out */
    ConversationPage conversations(UserId owner, int limit, String cursor);

    /** Empty when the owner has no such conversation. */
    Optional<MessagePage> messages(ConversationId id, UserId owner, MessageRange range);

    Optional<MessageView> message(ConversationId id, MessageId messageId, UserId owner);

    /**
     * Waits, bounded by {@code ledgerline.read-your-writes.timeout}, until the read tables show the conversation at
     * {@code version} or later; false when the wait timed out.
     */
    boolean awaitVersion(ConversationId id, long version);

    /** Waits, bounded like {@link #awaitVersion}, until the conversation has left the read tables. */
    boolean awaitRemoval(ConversationId id);
}
