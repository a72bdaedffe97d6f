package dev.ledgerline.conversation.events;

import java.util.Objects;
import java.util.UUID;

/** Identifies a conversation; its text form is the UUID (and the aggregate identifier in the event store). */
public record ConversationId(UUID value) {

    public ConversationId {
        Objects.requireNonNull(value, "value");
    }

    public static ConversationId of(String value) {
        return new ConversationId(UUID.fromString(value));
    }

    public static ConversationId random() {
        return new ConversationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
