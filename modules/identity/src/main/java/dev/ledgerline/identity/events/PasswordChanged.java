package dev.ledgerline.identity.events;

import org.axonframework.serialization.Revision;

/** The user's password was changed; the hash never leaves the credentials table. */
@Revision("1")
public record PasswordChanged(UserId userId) {
}
