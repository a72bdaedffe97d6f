package dev.ledgerline.identity.domain;

import java.util.Optional;
import java.util.Set;

import dev.ledgerline.identity.commands.PasswordHash;
import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.UserId;

/**
 * The write side's account state that is not an event: the bcrypt hash, the claims that keep usernames and emails
 * unique, and the active flag and roles that authentication reads. Written in the command's own transaction.
 */
interface AccountStore {

    /** Claims the username (case-insensitively) for the user; false when someone else holds it. */
    boolean claimUsername(UserId userId, String username);

    /** Claims the email (case-insensitively) for the user; false when someone else holds it. */
    boolean claimEmail(UserId userId, String email);

    /** Claims {@code newEmail} for the user and frees {@code oldEmail}; false when someone else holds the new one. */
    boolean moveEmail(UserId userId, String oldEmail, String newEmail);

    void createCredentials(UserId userId, PasswordHash hash, Set<Role> roles);

    boolean passwordMatches(UserId userId, String password);

    void changePassword(UserId userId, PasswordHash hash);

    void changeRoles(UserId userId, Set<Role> roles);

    void changeActive(UserId userId, boolean active);

    /** Removes the credentials and frees the username and email. */
    void delete(UserId userId);

    /** The account a login name (username or email, any case) belongs to. */
    Optional<Account> findByLogin(String login);

    boolean anyAdmin();

    record Account(UserId userId, String passwordHash, boolean active, Set<Role> roles) {
    }
}
