package dev.ledgerline.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.ledgerline.identity.commands.LogOut;
import dev.ledgerline.identity.commands.RevokeSession;
import dev.ledgerline.identity.commands.RotateToken;
import dev.ledgerline.identity.commands.Rotation;
import dev.ledgerline.identity.commands.StartSession;
import dev.ledgerline.identity.events.RevocationReason;
import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.SessionStarted;
import dev.ledgerline.identity.events.TokenRevoked;
import dev.ledgerline.identity.events.TokenRotated;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionTest {

    private static final SessionId SESSION = SessionId.random();
    private static final UserId ALICE = UserId.random();
    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");
    private static final Instant EXPIRES = Instant.parse("2026-02-09T10:00:00Z");
    private static final SessionStarted STARTED = new SessionStarted(SESSION, ALICE, "hash-1", EXPIRES, "curl/8");

    private FixtureConfiguration<Session> fixture;
    private RecordingSessionIndex index;

    @BeforeEach
    void setUp() {
        index = new RecordingSessionIndex();
        fixture = new AggregateTestFixture<>(Session.class);
        fixture.registerInjectableResource(index);
    }

    @Test
    void a_login_starts_a_session_that_authentication_can_see() {
        fixture.givenNoPriorActivity()
                .when(new StartSession(SESSION, ALICE, "hash-1", EXPIRES, "curl/8"))
                .expectEvents(STARTED);
        assertThat(index.started).containsExactly(SESSION);
    }

    @Test
    void the_current_refresh_token_is_exchanged_for_a_new_one() {
        fixture.given(STARTED)
                .when(new RotateToken(SESSION, "hash-1", "hash-2", NOW))
                .expectEvents(new TokenRotated(SESSION, ALICE, "hash-2"))
                .expectResultMessagePayload(new Rotation(Rotation.Outcome.ROTATED, 1));
    }

    @Test
    void presenting_a_rotated_token_again_revokes_the_whole_family() {
        fixture.given(STARTED, new TokenRotated(SESSION, ALICE, "hash-2"), new TokenRotated(SESSION, ALICE, "hash-3"))
                .when(new RotateToken(SESSION, "hash-1", "hash-4", NOW))
                .expectEvents(new TokenRevoked(SESSION, ALICE, RevocationReason.REUSE_DETECTED))
                .expectResultMessagePayload(new Rotation(Rotation.Outcome.REUSE_DETECTED, 3));
        assertThat(index.revoked).containsExactly(SESSION);
    }

    @Test
    void a_token_that_never_belonged_to_the_session_changes_nothing() {
        fixture.given(STARTED)
                .when(new RotateToken(SESSION, "forged", "hash-2", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new Rotation(Rotation.Outcome.REJECTED, 0));
    }

    @Test
    void a_revoked_session_cannot_be_refreshed() {
        fixture.given(STARTED, new TokenRevoked(SESSION, ALICE, RevocationReason.LOGOUT))
                .when(new RotateToken(SESSION, "hash-1", "hash-2", NOW))
                .expectNoEvents()
                .expectResultMessagePayload(new Rotation(Rotation.Outcome.REJECTED, 1));
    }

    @Test
    void an_expired_session_cannot_be_refreshed() {
        fixture.given(STARTED)
                .when(new RotateToken(SESSION, "hash-1", "hash-2", EXPIRES))
                .expectNoEvents()
                .expectResultMessagePayload(new Rotation(Rotation.Outcome.REJECTED, 0));
    }

    @Test
    void logging_out_with_the_current_token_revokes_the_session() {
        fixture.given(STARTED)
                .when(new LogOut(SESSION, "hash-1"))
                .expectEvents(new TokenRevoked(SESSION, ALICE, RevocationReason.LOGOUT));
        assertThat(index.revoked).containsExactly(SESSION);
    }

    @Test
    void logging_out_with_an_already_rotated_token_also_revokes_the_session() {
        fixture.given(STARTED, new TokenRotated(SESSION, ALICE, "hash-2"))
                .when(new LogOut(SESSION, "hash-1"))
                .expectEvents(new TokenRevoked(SESSION, ALICE, RevocationReason.LOGOUT));
    }

    @Test
    void logging_out_with_a_token_of_another_family_is_refused() {
        fixture.given(STARTED)
                .when(new LogOut(SESSION, "forged"))
                .expectNoEvents()
                .expectExceptionMessage("invalid-refresh-token");
    }

    @Test
    void logging_out_of_a_revoked_session_records_nothing_more() {
        fixture.given(STARTED, new TokenRevoked(SESSION, ALICE, RevocationReason.ADMIN))
                .when(new LogOut(SESSION, "hash-1"))
                .expectNoEvents();
    }

    @Test
    void the_owner_revokes_their_session_with_a_reason() {
        fixture.given(STARTED)
                .when(new RevokeSession(SESSION, RevocationReason.PASSWORD_CHANGED, ALICE))
                .expectEvents(new TokenRevoked(SESSION, ALICE, RevocationReason.PASSWORD_CHANGED));
    }

    @Test
    void another_user_cannot_revoke_the_session_and_learns_nothing() {
        fixture.given(STARTED)
                .when(new RevokeSession(SESSION, RevocationReason.LOGOUT, UserId.random()))
                .expectNoEvents()
                .expectExceptionMessage("not-found");
    }

    @Test
    void an_admin_revokes_any_session() {
        fixture.given(STARTED)
                .when(new RevokeSession(SESSION, RevocationReason.ADMIN, null))
                .expectEvents(new TokenRevoked(SESSION, ALICE, RevocationReason.ADMIN));
    }

    @Test
    void revoking_a_revoked_session_records_nothing_more() {
        fixture.given(STARTED, new TokenRevoked(SESSION, ALICE, RevocationReason.LOGOUT))
                .when(new RevokeSession(SESSION, RevocationReason.USER_DELETED, null))
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    static final class RecordingSessionIndex implements SessionIndex {
        final List<SessionId> started = new ArrayList<>();
        final Set<SessionId> revoked = new HashSet<>();

        @Override
        public void started(SessionId sessionId, UserId userId, Instant expiresAt) {
            started.add(sessionId);
        }

        @Override
        public void revoked(SessionId sessionId) {
            revoked.add(sessionId);
        }

        @Override
        public List<SessionId> liveSessionsOf(UserId userId) {
            return List.of();
        }
    }
}
