package dev.ledgerline.identity.events;

import org.axonframework.serialization.Revision;

/** Someone tried to log in to this account and failed; the client address is in the metadata. */
@Revision("1")
public record LoginFailed(UserId userId, LoginFailure reason) {
}
