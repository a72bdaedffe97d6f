package dev.ledgerline.identity.events;

/** Why a session was revoked. */
public enum RevocationReason {
    LOGOUT, REUSE_DETECTED, PASSWORD_CHANGED, USER_DEACTIVATED, USER_DELETED, ADMIN
}
