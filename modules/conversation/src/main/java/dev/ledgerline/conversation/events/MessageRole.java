package dev.ledgerline.conversation.events;

import java.util.Locale;

/** Who speaks in a message. Its wire and column form is the lower-case name. */
public enum MessageRole {
    USER, ASSISTANT, SYSTEM;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageRole fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
