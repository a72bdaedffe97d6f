package dev.ledgerline.identity.events;

/** Why a login for a known account failed. */
public enum LoginFailure {
    BAD_PASSWORD, ACCOUNT_DEACTIVATED
}
