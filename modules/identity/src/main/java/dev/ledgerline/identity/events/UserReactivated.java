package dev.ledgerline.identity.events;

import org.axonframework.serialization.Revision;

/** An admin reactivated a deactivated user. */
@Revision("1")
public record UserReactivated(UserId userId) {
}
