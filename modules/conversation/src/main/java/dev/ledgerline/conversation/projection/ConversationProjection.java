package dev.ledgerline.conversation.projection;

import java.time.Instant;

import dev.ledgerline.conversation.events.ConversationDeleted;
import dev.ledgerline.conversation.events.ConversationRenamed;
import dev.ledgerline.conversation.events.ConversationStarted;
import dev.ledgerline.conversation.events.MessagePosted;
import dev.ledgerline.conversation.events.ToolCallRecorded;
import dev.ledgerline.conversation.events.ToolResultRecorded;
import dev.ledgerline.identity.events.UserDeleted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/** Keeps {@code conversations} and {@code messages} up to date through {@link ConversationProjector}. */
@Component
@ProcessingGroup(ConversationProjection.PROCESSING_GROUP)
class ConversationProjection {

    static final String PROCESSING_GROUP = "conversation-projection";

    private final ConversationRows rows;
    private final ConversationProjector projector;

    ConversationProjection(JdbcConversationRows database, ConversationCommits commits) {
        this.rows = new BatchedConversationRows(database, commits);
        this.projector = new ConversationProjector(rows);
    }

    @EventHandler
    void on(ConversationStarted event, @SequenceNumber long version, @Timestamp Instant at) {
        projector.on(event, version, at);
    }

    @EventHandler
    void on(ConversationRenamed event, @SequenceNumber long version, @Timestamp Instant at) {
        projector.on(event, version, at);
    }

    @EventHandler
    void on(MessagePosted event, @SequenceNumber long version, @Timestamp Instant at) {
        projector.on(event, version, at);
    }

    @EventHandler
    void on(ToolCallRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        projector.on(event, version, at);
    }

    @EventHandler
    void on(ToolResultRecorded event, @SequenceNumber long version, @Timestamp Instant at) {
        projector.on(event, version, at);
    }

    @EventHandler
    void on(ConversationDeleted event, @SequenceNumber long version) {
        projector.on(event, version);
    }

    @EventHandler
    void on(UserDeleted event) {
        projector.on(event);
    }

    @ResetHandler
    void reset() {
        rows.clear();
    }
}
