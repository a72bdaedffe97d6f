package dev.ledgerline.identity.events;

import org.axonframework.serialization.Revision;

/** The user's account was deleted, by themself or an admin; other modules drop the user's rows from their reads. */
@Revision("1")
public record UserDeleted(UserId userId) {
}
