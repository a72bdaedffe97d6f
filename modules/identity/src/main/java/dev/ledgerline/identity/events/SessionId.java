package dev.ledgerline.identity.events;

import java.util.Objects;
import java.util.UUID;

/** Identifies a session (one login and its refresh-token family); its text form is the UUID. */
public record SessionId(UUID value) {

    public SessionId {
        Objects.requireNonNull(value, "value");
    }

    public static SessionId of(String value) {
        return new SessionId(UUID.fromString(value));
    }

    public static SessionId random() {
        return new SessionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
