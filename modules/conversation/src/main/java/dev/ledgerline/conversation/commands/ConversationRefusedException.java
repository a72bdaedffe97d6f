package dev.ledgerline.conversation.commands;

/**
 * A command the conversation refused by one of its rules; nothing was written. {@link #reason()} is stable and is the
 * slug of the problem type the REST layer answers with.
 */
public class ConversationRefusedException extends RuntimeException {

    /** Why a command was refused. */
    public enum Reason {
        CAPACITY_EXCEEDED("conversation-capacity-exceeded"),
        EXPIRED("conversation-expired"),
        TOOL_CALL_NOT_FOUND("tool-call-not-found"),
        TOOL_RESULT_ALREADY_RECORDED("tool-result-already-recorded"),
        TOOL_CALL_ID_IN_USE("tool-call-id-in-use"),
        IDEMPOTENCY_KEY_REUSED("idempotency-key-reused");

        private final String slug;

        Reason(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    private final Reason reason;

    public ConversationRefusedException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
