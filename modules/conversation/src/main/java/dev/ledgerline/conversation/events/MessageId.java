package dev.ledgerline.conversation.events;

import java.util.Objects;
import java.util.UUID;

/** Identifies a message; its text form is the UUID. */
public record MessageId(UUID value) {

    public MessageId {
        Objects.requireNonNull(value, "value");
    }

    public static MessageId of(String value) {
        return new MessageId(UUID.fromString(value));
    }

    public static MessageId random() {
        return new MessageId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
