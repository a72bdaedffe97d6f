/**
 * Identity: who a user is and how they prove it (users, credentials, sessions, tokens). Depends on no other module.
 * Other modules may use {@code api} (the current user) and {@code events}.
 */
package dev.ledgerline.identity;
