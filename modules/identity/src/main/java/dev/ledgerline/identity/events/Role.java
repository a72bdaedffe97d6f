package dev.ledgerline.identity.events;

/** What a user may do: everyone is a USER; AUDITOR reads audit trails; ADMIN manages users and operations. */
public enum Role {
    USER, AUDITOR, ADMIN
}
