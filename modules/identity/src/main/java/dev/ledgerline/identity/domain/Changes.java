package dev.ledgerline.identity.domain;

import java.util.Map;

import dev.ledgerline.identity.events.SessionId;
import dev.ledgerline.identity.events.UserId;

/**
 * What a command (or a few, in one transaction) wrote: the user's new version, or that the user is gone, and the new
 * versions of the sessions it touched. The web layer waits until the read tables show them.
 */
public record Changes(UserId userId, long userVersion, boolean userDeleted, Map<SessionId, Long> sessions) {

    public Changes {
        sessions = Map.copyOf(sessions);
    }

    static Changes user(UserId userId, long version) {
        return new Changes(userId, version, false, Map.of());
    }

    static Changes sessions(Map<SessionId, Long> sessions) {
        return new Changes(null, -1, false, sessions);
    }

    Changes withSessions(Map<SessionId, Long> touched) {
        return new Changes(userId, userVersion, userDeleted, touched);
    }

    Changes deleted() {
        return new Changes(userId, userVersion, true, sessions);
    }
}
