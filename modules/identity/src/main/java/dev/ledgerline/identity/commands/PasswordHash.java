package dev.ledgerline.identity.commands;

import java.util.Objects;

/** A bcrypt hash on its way to the credentials table; it never enters an event and never prints. */
public record PasswordHash(String value) {

    public PasswordHash {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
