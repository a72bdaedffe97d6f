package dev.ledgerline.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import dev.ledgerline.identity.commands.ChangePassword;
import dev.ledgerline.identity.commands.ChangeProfile;
import dev.ledgerline.identity.commands.ChangeRoles;
import dev.ledgerline.identity.commands.DeactivateUser;
import dev.ledgerline.identity.commands.DeleteOwnAccount;
import dev.ledgerline.identity.commands.DeleteUser;
import dev.ledgerline.identity.commands.PasswordHash;
import dev.ledgerline.identity.commands.ReactivateUser;
import dev.ledgerline.identity.commands.RecordLoginFailure;
import dev.ledgerline.identity.commands.RegisterUser;
import dev.ledgerline.identity.events.LoginFailed;
import dev.ledgerline.identity.events.LoginFailure;
import dev.ledgerline.identity.events.PasswordChanged;
import dev.ledgerline.identity.events.Role;
import dev.ledgerline.identity.events.UserDeactivated;
import dev.ledgerline.identity.events.UserDeleted;
import dev.ledgerline.identity.events.UserId;
import dev.ledgerline.identity.events.UserProfileChanged;
import dev.ledgerline.identity.events.UserReactivated;
import dev.ledgerline.identity.events.UserRegistered;
import dev.ledgerline.identity.events.UserRolesChanged;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final UserId ALICE = UserId.random();
    private static final UserId ADMIN = UserId.random();
    private static final UserRegistered REGISTERED =
            new UserRegistered(ALICE, "alice", "alice@example.test", "Alice Liddell", Set.of(Role.USER));

    private FixtureConfiguration<User> fixture;
    private InMemoryAccountStore accounts;

    @BeforeEach
    void setUp() {
        accounts = new InMemoryAccountStore();
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(accounts);
    }

    @Test
    void registering_gives_the_user_the_USER_role_and_stores_the_hash_outside_the_event() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(ALICE, "alice", "alice@example.test", "Alice Liddell",
                        new PasswordHash("$2a$12$hash"), Set.of(Role.AUDITOR)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRegistered(ALICE, "alice", "alice@example.test", "Alice Liddell",
                        Set.of(Role.USER, Role.AUDITOR)));
        assertThat(accounts.hashes).containsEntry(ALICE, "$2a$12$hash");
        assertThat(accounts.claims).containsKeys("username:alice", "email:alice@example.test");
    }

    @Test
    void a_username_someone_holds_in_any_case_cannot_be_registered() {
        accounts.claimedBySomeoneElse("username", "ALICE");

        fixture.givenNoPriorActivity()
                .when(register())
                .expectNoEvents()
                .expectExceptionMessage("username-taken");
    }

    @Test
    void an_email_someone_holds_in_any_case_cannot_be_registered() {
        accounts.claimedBySomeoneElse("email", "Alice@Example.TEST");

        fixture.givenNoPriorActivity()
                .when(register())
                .expectNoEvents()
                .expectExceptionMessage("email-taken");
    }

    @Test
    void changing_the_profile_records_the_new_name_and_email_and_moves_the_email_claim() {
        accounts.claimEmail(ALICE, "alice@example.test");

        fixture.given(REGISTERED)
                .when(new ChangeProfile(ALICE, "Alice L.", "al@example.test"))
                .expectEvents(new UserProfileChanged(ALICE, "Alice L.", "al@example.test"))
                .expectResultMessagePayload(1L);
        assertThat(accounts.claims).containsKey("email:al@example.test").doesNotContainKey("email:alice@example.test");
    }

    @Test
    void a_profile_change_keeps_the_fields_it_does_not_name() {
        fixture.given(REGISTERED)
                .when(new ChangeProfile(ALICE, "Alice L.", null))
                .expectEvents(new UserProfileChanged(ALICE, "Alice L.", "alice@example.test"));
    }

    @Test
    void a_profile_change_to_an_email_someone_holds_is_refused() {
        accounts.claimedBySomeoneElse("email", "bob@example.test");

        fixture.given(REGISTERED)
                .when(new ChangeProfile(ALICE, null, "BOB@example.test"))
                .expectNoEvents()
                .expectExceptionMessage("email-taken");
    }

    @Test
    void a_profile_change_that_changes_nothing_records_nothing() {
        fixture.given(REGISTERED)
                .when(new ChangeProfile(ALICE, "Alice Liddell", "alice@example.test"))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void changing_only_the_case_of_the_email_keeps_the_users_claim() {
        accounts.claimEmail(ALICE, "alice@example.test");

        fixture.given(REGISTERED)
                .when(new ChangeProfile(ALICE, null, "Alice@Example.test"))
                .expectEvents(new UserProfileChanged(ALICE, "Alice Liddell", "Alice@Example.test"));
        assertThat(accounts.claims).containsEntry("email:alice@example.test", ALICE);
    }

    @Test
    void the_password_changes_when_the_current_one_is_proven() {
        accounts.credentials(ALICE, "old password");

        fixture.given(REGISTERED)
                .when(new ChangePassword(ALICE, "old password", new PasswordHash("new hash")))
                .expectEvents(new PasswordChanged(ALICE));
        assertThat(accounts.hashes).containsEntry(ALICE, "new hash");
    }

    @Test
    void the_password_does_not_change_without_the_current_one() {
        accounts.credentials(ALICE, "old password");

        fixture.given(REGISTERED)
                .when(new ChangePassword(ALICE, "guess", new PasswordHash("new hash")))
                .expectNoEvents()
                .expectExceptionMessage("incorrect-password");
        assertThat(accounts.hashes).containsEntry(ALICE, "old password");
    }

    @Test
    void a_deactivated_user_cannot_change_their_profile_or_password() {
        accounts.credentials(ALICE, "old password");

        fixture.given(REGISTERED, new UserDeactivated(ALICE))
                .when(new ChangeProfile(ALICE, "Mallory", null))
                .expectNoEvents()
                .expectExceptionMessage("user-deactivated");
        fixture.given(REGISTERED, new UserDeactivated(ALICE))
                .when(new ChangePassword(ALICE, "old password", new PasswordHash("new hash")))
                .expectNoEvents()
                .expectExceptionMessage("user-deactivated");
    }

    @Test
    void an_admin_gives_roles_and_USER_always_stays() {
        fixture.given(REGISTERED)
                .when(new ChangeRoles(ALICE, Set.of(Role.AUDITOR), ADMIN))
                .expectEvents(new UserRolesChanged(ALICE, Set.of(Role.USER, Role.AUDITOR)));
        assertThat(accounts.roles).containsEntry(ALICE, Set.of(Role.USER, Role.AUDITOR));
    }

    @Test
    void giving_the_roles_a_user_already_has_records_nothing() {
        fixture.given(REGISTERED)
                .when(new ChangeRoles(ALICE, Set.of(Role.USER), ADMIN))
                .expectNoEvents();
    }

    @Test
    void an_admin_cannot_take_away_their_own_admin_role() {
        fixture.given(new UserRegistered(ADMIN, "root", "root@example.test", "Root", Set.of(Role.USER, Role.ADMIN)))
                .when(new ChangeRoles(ADMIN, Set.of(Role.USER), ADMIN))
                .expectNoEvents()
                .expectExceptionMessage("self-administration");
    }

    @Test
    void an_admin_deactivates_a_user() {
        fixture.given(REGISTERED)
                .when(new DeactivateUser(ALICE, ADMIN))
                .expectEvents(new UserDeactivated(ALICE));
        assertThat(accounts.active).containsEntry(ALICE, false);
    }

    @Test
    void deactivating_a_deactivated_user_records_nothing() {
        fixture.given(REGISTERED, new UserDeactivated(ALICE))
                .when(new DeactivateUser(ALICE, ADMIN))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void an_admin_cannot_deactivate_themself() {
        fixture.given(new UserRegistered(ADMIN, "root", "root@example.test", "Root", Set.of(Role.USER, Role.ADMIN)))
                .when(new DeactivateUser(ADMIN, ADMIN))
                .expectNoEvents()
                .expectExceptionMessage("self-administration");
    }

    @Test
    void an_admin_reactivates_a_deactivated_user() {
        fixture.given(REGISTERED, new UserDeactivated(ALICE))
                .when(new ReactivateUser(ALICE))
                .expectEvents(new UserReactivated(ALICE));
        assertThat(accounts.active).containsEntry(ALICE, true);
    }

    @Test
    void reactivating_an_active_user_records_nothing() {
        fixture.given(REGISTERED)
                .when(new ReactivateUser(ALICE))
                .expectNoEvents();
    }

    @Test
    void a_user_deletes_their_account_with_their_password_and_frees_their_names() {
        accounts.claimUsername(ALICE, "alice");
        accounts.claimEmail(ALICE, "alice@example.test");
        accounts.credentials(ALICE, "my password");

        fixture.given(REGISTERED)
                .when(new DeleteOwnAccount(ALICE, "my password"))
                .expectEvents(new UserDeleted(ALICE))
                .expectMarkedDeleted();
        assertThat(accounts.claims).isEmpty();
        assertThat(accounts.hashes).doesNotContainKey(ALICE);
    }

    @Test
    void a_user_cannot_delete_their_account_without_their_password() {
        accounts.credentials(ALICE, "my password");

        fixture.given(REGISTERED)
                .when(new DeleteOwnAccount(ALICE, "guess"))
                .expectNoEvents()
                .expectExceptionMessage("incorrect-password");
    }

    @Test
    void an_admin_deletes_a_user_even_a_deactivated_one() {
        fixture.given(REGISTERED, new UserDeactivated(ALICE))
                .when(new DeleteUser(ALICE, ADMIN))
                .expectEvents(new UserDeleted(ALICE))
                .expectMarkedDeleted();
    }

    @Test
    void an_admin_cannot_delete_themself_through_the_admin_route() {
        fixture.given(new UserRegistered(ADMIN, "root", "root@example.test", "Root", Set.of(Role.USER, Role.ADMIN)))
                .when(new DeleteUser(ADMIN, ADMIN))
                .expectNoEvents()
                .expectExceptionMessage("self-administration");
    }

    @Test
    void a_deleted_user_takes_no_more_commands() {
        fixture.given(REGISTERED, new UserDeleted(ALICE))
                .when(new ChangeProfile(ALICE, "Ghost", null))
                .expectNoEvents()
                .expectException(AggregateDeletedException.class);
    }

    @Test
    void a_failed_login_is_recorded_with_its_reason() {
        fixture.given(REGISTERED)
                .when(new RecordLoginFailure(ALICE, LoginFailure.BAD_PASSWORD))
                .expectEvents(new LoginFailed(ALICE, LoginFailure.BAD_PASSWORD));
    }

    private static RegisterUser register() {
        return new RegisterUser(ALICE, "alice", "alice@example.test", "Alice", new PasswordHash("hash"), Set.of());
    }
}
