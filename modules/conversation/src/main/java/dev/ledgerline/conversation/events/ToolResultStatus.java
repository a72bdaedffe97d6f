package dev.ledgerline.conversation.events;

import java.util.Locale;

/** How a tool call ended. Its wire form is the lower-case name. */
public enum ToolResultStatus {
    OK, ERROR;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ToolResultStatus fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
