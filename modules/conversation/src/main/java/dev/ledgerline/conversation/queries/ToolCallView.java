package dev.ledgerline.conversation.queries;

import dev.ledgerline.conversation.events.ToolResultStatus;

/**
 * A tool call: {@code arguments} is the text of a JSON object (equal as JSON to what was posted; key order may
 * differ); {@code output} and {@code status} are null while the call is pending.
 */
public record ToolCallView(String callId, String name, String arguments, String output, ToolResultStatus status) {
}
