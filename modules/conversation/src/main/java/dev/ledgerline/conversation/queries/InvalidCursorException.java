package dev.ledgerline.conversation.queries;

/** A list cursor that this server did not hand out. */
public class InvalidCursorException extends RuntimeException {

    public InvalidCursorException() {
        super("The cursor is not valid.", null, false, false);
    }
}
