/**
 * Identity: who a user is and how they prove it (users, credentials, sessions, tokens). Depends only on operations' {@code api} (its projection's descriptor).
 * Other modules may use {@code api} (the current user) and {@code events}; {@code commands} and {@code queries} are
 * public records too. {@code domain} (aggregates, write-side stores, services), {@code token}, {@code projection} and
 * {@code web} are internals.
 */
package dev.ledgerline.identity;
