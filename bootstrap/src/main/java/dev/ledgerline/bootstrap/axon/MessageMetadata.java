package dev.ledgerline.bootstrap.axon;

/**
 * The metadata keys every command, and through Axon's correlation data every event, carries: who caused it, the
 * request it belongs to, and where that request came from.
 */
public final class MessageMetadata {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CLIENT_ADDRESS = "clientAddress";
    /** The identifier of the message (usually the command) that caused this one. */
    public static final String CAUSATION_ID = "causationId";
    public static final String ANONYMOUS = "anonymous";
    public static final String SYSTEM = "system";

    private MessageMetadata() {
    }
}
