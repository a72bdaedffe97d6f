package dev.ledgerline.identity.domain;

import java.util.Set;

import dev.ledgerline.identity.commands.ChangePassword;
import dev.ledgerline.identity.commands.ChangeProfile;
import dev.ledgerline.identity.commands.ChangeRoles;
import dev.ledgerline.identity.commands.DeactivateUser;
import dev.ledgerline.identity.commands.DeleteOwnAccount;
import dev.ledgerline.identity.commands.DeleteUser;
import dev.ledgerline.identity.commands.PasswordHash;
import dev.ledgerline.identity.commands.ReactivateUser;
import dev.ledgerline.identity.commands.RegisterUser;
import dev.ledgerline.identity.events.RevocationReason;
import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * User accounts. Passwords are hashed before a command is sent (bcrypt takes a quarter second; no transaction should
 * wait for it). A change that also revokes sessions runs in one transaction with those revocations: either all of it
 * happens or none.
 */
@Service
public class AccountService {

    private final CommandGateway commands;
    private final Passwords passwords;
    private final SessionService sessions;
    private final TransactionTemplate transaction;

    AccountService(CommandGateway commands, Passwords passwords, SessionService sessions,
                   TransactionTemplate transaction) {
        this.commands = commands;
        this.passwords = passwords;
        this.sessions = sessions;
        this.transaction = transaction;
    }

    public Changes register(String username, String email, String password, String fullName) {
        return register(username, email, password, fullName, Set.of(Role.USER));
    }

    Changes register(String username, String email, String password, String fullName, Set<Role> roles) {
        UserId userId = UserId.random();
        PasswordHash hash = passwords.hash(password);
        commands.sendAndWait(new RegisterUser(userId, username, email.trim(), fullName, hash, roles));
        return Changes.user(userId, 0);
    }

    public Changes changeProfile(UserId userId, String fullName, String email) {
        long version = commands.sendAndWait(new ChangeProfile(userId, fullName, email == null ? null : email.trim()));
        return Changes.user(userId, version);
    }

    /** Proves the current password, sets the new one and revokes every other session of the user. */
    public Changes changePassword(UserId userId, SessionId currentSession, String currentPassword,
                                  String newPassword) {
        PasswordHash hash = passwords.hash(newPassword);
        return transaction.execute(status -> {
            long version = commands.sendAndWait(new ChangePassword(userId, currentPassword, hash));
            return Changes.user(userId, version)
                    .withSessions(sessions.revokeAll(userId, currentSession, RevocationReason.PASSWORD_CHANGED));
        });
    }

    public Changes deleteOwnAccount(UserId userId, String password) {
        return transaction.execute(status -> {
            long version = commands.sendAndWait(new DeleteOwnAccount(userId, password));
            return Changes.user(userId, version).deleted()
                    .withSessions(sessions.revokeAll(userId, null, RevocationReason.USER_DELETED));
        });
    }

    public Changes changeRoles(UserId userId, Set<Role> roles, UserId admin) {
        long version = commands.sendAndWait(new ChangeRoles(userId, roles, admin));
        return Changes.user(userId, version);
    }

    public Changes deactivate(UserId userId, UserId admin) {
        return transaction.execute(status -> {
            long version = commands.sendAndWait(new DeactivateUser(userId, admin));
            return Changes.user(userId, version)
                    .withSessions(sessions.revokeAll(userId, null, RevocationReason.USER_DEACTIVATED));
        });
    }

    public Changes reactivate(UserId userId) {
        return Changes.user(userId, commands.sendAndWait(new ReactivateUser(userId)));
    }

    public Changes delete(UserId userId, UserId admin) {
        return transaction.execute(status -> {
            long version = commands.sendAndWait(new DeleteUser(userId, admin));
            return Changes.user(userId, version).deleted()
                    .withSessions(sessions.revokeAll(userId, null, RevocationReason.USER_DELETED));
        });
    }
}
