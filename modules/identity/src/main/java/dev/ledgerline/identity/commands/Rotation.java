package dev.ledgerline.identity.commands;

/** What a {@link RotateToken} did, and the session's version afterwards. */
public record Rotation(Outcome outcome, long version) {

    public enum Outcome {
        /** The token was current and has been replaced. */
        ROTATED,
        /** The token had already been rotated away: the whole session is now revoked. */
        REUSE_DETECTED,
        /** The session is revoked or expired, or the token never belonged to it; nothing changed. */
        REJECTED
    }
}
