package dev.ledgerline.conversation.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.ledgerline.conversation.commands.ConversationRefusedException;
import dev.ledgerline.conversation.commands.ConversationRefusedException.Reason;
import dev.ledgerline.conversation.events.MessageId;

/**
 * Every tool call id a conversation has seen: the pending ones with the message that made them, and the resolved
 * ones. Call ids are unique within a conversation, and a result is recorded once per call. Part of the snapshot.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
final class ToolCalls {

    private Map<String, MessageId> pending = new HashMap<>();
    private Set<String> resolved = new HashSet<>();

    void requireUnused(String callId) {
        if (pending.containsKey(callId) || resolved.contains(callId)) {
            throw new ConversationRefusedException(Reason.TOOL_CALL_ID_IN_USE,
                    "The tool call id '" + callId + "' is already used in this conversation.");
        }
    }

    /** The message of a call still waiting for its result. */
    MessageId requirePending(String callId) {
        MessageId messageId = pending.get(callId);
        if (messageId != null) {
            return messageId;
        }
        if (resolved.contains(callId)) {
            throw new ConversationRefusedException(Reason.TOOL_RESULT_ALREADY_RECORDED,
                    "The tool call '" + callId + "' already has a result.");
        }
        throw new ConversationRefusedException(Reason.TOOL_CALL_NOT_FOUND, "No tool call '" + callId + "'.");
    }

    void called(String callId, MessageId messageId) {
        pending.put(callId, messageId);
    }

    void answered(String callId) {
        pending.remove(callId);
        resolved.add(callId);
    }
}
