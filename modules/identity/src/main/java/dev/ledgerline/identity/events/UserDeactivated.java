package dev.ledgerline.identity.events;

import org.axonframework.serialization.Revision;

/** An admin deactivated the user: no login, no refresh, no request with an existing token. */
@Revision("1")
public record UserDeactivated(UserId userId) {
}
