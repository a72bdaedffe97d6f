package dev.ledgerline.tasks.commands;

/** A field of the command breaks a rule of tasks; {@code field} names it as the REST API does. */
public class InvalidTaskException extends RuntimeException {

    private final String field;

    public InvalidTaskException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
