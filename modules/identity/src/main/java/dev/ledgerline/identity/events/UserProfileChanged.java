package dev.ledgerline.identity.events;

import org.axonframework.serialization.Revision;

/** The user's profile now has this full name and email. */
@Revision("1")
public record UserProfileChanged(UserId userId, String fullName, String email) {
}
