package dev.ledgerline.identity.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
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
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One login and its refresh-token family. Only the current token can be exchanged; presenting one that was already
 * rotated away means it leaked (or raced, see the README), and revokes the family (RFC 9700 §4.14).
 * <p>
 * Its state is also a snapshot payload (Jackson, fields); bump {@code @Revision} when the fields change so that older
 * snapshots are ignored.
 */
@Aggregate(snapshotTriggerDefinition = SessionSnapshots.TRIGGER)
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
class Session {

    @AggregateIdentifier
    private SessionId id;
    private UserId userId;
    private String currentHash;
    private Set<String> retiredHashes = new HashSet<>();
    private Instant expiresAt;
    private boolean revoked;

    Session() {
    }

    @CommandHandler
    Session(StartSession command, SessionIndex index) {
        apply(new SessionStarted(command.sessionId(), command.userId(), command.tokenHash(), command.expiresAt(),
                command.userAgent()));
        index.started(command.sessionId(), command.userId(), command.expiresAt());
    }

    @CommandHandler
    Rotation handle(RotateToken command, SessionIndex index) {
        if (revoked || !command.now().isBefore(expiresAt)) {
            return outcome(Rotation.Outcome.REJECTED);
        }
        if (command.presentedHash().equals(currentHash)) {
            apply(new TokenRotated(id, userId, command.newHash()));
            return outcome(Rotation.Outcome.ROTATED);
        }
        if (retiredHashes.contains(command.presentedHash())) {
            revoke(RevocationReason.REUSE_DETECTED, index);
            return outcome(Rotation.Outcome.REUSE_DETECTED);
        }
        return outcome(Rotation.Outcome.REJECTED);
    }

    @CommandHandler
    long handle(LogOut command, SessionIndex index) {
        if (!belongsToFamily(command.presentedHash())) {
            throw IdentityProblem.invalidRefreshToken();
        }
        revoke(RevocationReason.LOGOUT, index);
        return getVersion();
    }

    @CommandHandler
    long handle(RevokeSession command, SessionIndex index) {
        if (command.owner() != null && !command.owner().equals(userId)) {
            throw IdentityProblem.sessionNotFound();
        }
        revoke(command.reason(), index);
        return getVersion();
    }

    private boolean belongsToFamily(String hash) {
        return hash.equals(currentHash) || retiredHashes.contains(hash);
    }

    private void revoke(RevocationReason reason, SessionIndex index) {
        if (!revoked) {
            apply(new TokenRevoked(id, userId, reason));
            index.revoked(id);
        }
    }

    private static Rotation outcome(Rotation.Outcome outcome) {
        return new Rotation(outcome, getVersion());
    }

    @EventSourcingHandler
    void on(SessionStarted event) {
        id = event.sessionId();
        userId = event.userId();
        currentHash = event.tokenHash();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(TokenRotated event) {
        retiredHashes.add(currentHash);
        currentHash = event.tokenHash();
    }

    @EventSourcingHandler
    void on(TokenRevoked event) {
        revoked = true;
    }
}
