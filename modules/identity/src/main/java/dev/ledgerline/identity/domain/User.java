package dev.ledgerline.identity.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

import java.util.EnumSet;
import java.util.Set;

import dev.ledgerline.identity.commands.ChangePassword;
import dev.ledgerline.identity.commands.ChangeProfile;
import dev.ledgerline.identity.commands.ChangeRoles;
import dev.ledgerline.identity.commands.DeactivateUser;
import dev.ledgerline.identity.commands.DeleteOwnAccount;
import dev.ledgerline.identity.commands.DeleteUser;
import dev.ledgerline.identity.commands.ReactivateUser;
import dev.ledgerline.identity.commands.RecordLoginFailure;
import dev.ledgerline.identity.commands.RegisterUser;
import dev.ledgerline.identity.events.LoginFailed;
import dev.ledgerline.identity.events.PasswordChanged;
import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.UserDeactivated;
import dev.ledgerline.identity.events.UserDeleted;
import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.identity.events.UserProfileChanged;
import dev.ledgerline.identity.events.UserReactivated;
import dev.ledgerline.identity.events.UserRegistered;
import dev.ledgerline.identity.events.UserRolesChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A user account. Command handlers answer the aggregate's version (the sequence number of its last event). */
@Aggregate
class User {

    @AggregateIdentifier
    private UserId id;
    private String fullName;
    private String email;
    private Set<Role> roles;
    private boolean active;

    User() {
    }

    @CommandHandler
    User(RegisterUser command, AccountStore accounts) {
        if (!accounts.claimUsername(command.userId(), command.username())) {
            throw IdentityProblem.usernameTaken();
        }
        if (!accounts.claimEmail(command.userId(), command.email())) {
            throw IdentityProblem.emailTaken();
        }
        Set<Role> roles = withUser(command.roles());
        apply(new UserRegistered(command.userId(), command.username(), command.email(), command.fullName(), roles));
        accounts.createCredentials(command.userId(), command.password(), roles);
    }

    @CommandHandler
    long handle(ChangeProfile command, AccountStore accounts) {
        requireActive();
        String newName = command.fullName() != null ? command.fullName() : fullName;
        String newEmail = command.email() != null ? command.email() : email;
        if (!newEmail.equals(email) && !accounts.moveEmail(id, email, newEmail)) {
            throw IdentityProblem.emailTaken();
        }
        if (!newName.equals(fullName) || !newEmail.equals(email)) {
            apply(new UserProfileChanged(id, newName, newEmail));
        }
        return getVersion();
    }

    @CommandHandler
    long handle(ChangePassword command, AccountStore accounts) {
        requireActive();
        if (!accounts.passwordMatches(id, command.currentPassword())) {
            throw IdentityProblem.incorrectPassword();
        }
        apply(new PasswordChanged(id));
        accounts.changePassword(id, command.newPassword());
        return getVersion();
    }

    @CommandHandler
    long handle(ChangeRoles command, AccountStore accounts) {
        Set<Role> newRoles = withUser(command.roles());
        if (id.equals(command.changedBy()) && roles.contains(Role.ADMIN) && !newRoles.contains(Role.ADMIN)) {
            throw IdentityProblem.selfAdministration();
        }
        if (!newRoles.equals(roles)) {
            apply(new UserRolesChanged(id, newRoles));
            accounts.changeRoles(id, newRoles);
        }
        return getVersion();
    }

    @CommandHandler
    long handle(DeactivateUser command, AccountStore accounts) {
        if (id.equals(command.deactivatedBy())) {
            throw IdentityProblem.selfAdministration();
        }
        if (active) {
            apply(new UserDeactivated(id));
            accounts.changeActive(id, false);
        }
        return getVersion();
    }

    @CommandHandler
    long handle(ReactivateUser command, AccountStore accounts) {
        if (!active) {
            apply(new UserReactivated(id));
            accounts.changeActive(id, true);
        }
        return getVersion();
    }

    @CommandHandler
    long handle(DeleteOwnAccount command, AccountStore accounts) {
        requireActive();
        if (!accounts.passwordMatches(id, command.password())) {
            throw IdentityProblem.incorrectPassword();
        }
        return delete(accounts);
    }

    @CommandHandler
    long handle(DeleteUser command, AccountStore accounts) {
        if (id.equals(command.deletedBy())) {
            throw IdentityProblem.selfAdministration();
        }
        return delete(accounts);
    }

    @CommandHandler
    long handle(RecordLoginFailure command) {
        apply(new LoginFailed(id, command.reason()));
        return getVersion();
    }

    private long delete(AccountStore accounts) {
        apply(new UserDeleted(id));
        accounts.delete(id);
        return getVersion();
    }

    private void requireActive() {
        if (!active) {
            throw IdentityProblem.userInactive();
        }
    }

    private static Set<Role> withUser(Set<Role> roles) {
        Set<Role> result = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        result.add(Role.USER);
        return Set.copyOf(result);
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        id = event.userId();
        fullName = event.fullName();
        email = event.email();
        roles = event.roles();
        active = true;
    }

    @EventSourcingHandler
    void on(UserProfileChanged event) {
        fullName = event.fullName();
        email = event.email();
    }

    @EventSourcingHandler
    void on(UserRolesChanged event) {
        roles = event.roles();
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(UserReactivated event) {
        active = true;
    }

    @EventSourcingHandler
    void on(UserDeleted event) {
        markDeleted();
    }
}
