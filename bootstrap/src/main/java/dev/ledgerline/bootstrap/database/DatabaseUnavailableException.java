package dev.ledgerline.bootstrap.database;

/** The application could not reach or start its database; the message says what to do. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
