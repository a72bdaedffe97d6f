package dev.ledgerline.identity.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import dev.ledgerline.identity.events.SessionId;

/**
 * Refresh tokens: {@code <session id>.<secret>}, both base64url; the secret is 256 random bits. The session id lets
 * the server find the family without storing the token; only the SHA-256 of the whole token is ever stored.
 */
public final class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private RefreshTokens() {
    }

    public static String generate(SessionId sessionId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        ByteBuffer id = ByteBuffer.allocate(16)
                .putLong(sessionId.value().getMostSignificantBits())
                .putLong(sessionId.value().getLeastSignificantBits());
        return ENCODER.encodeToString(id.array()) + "." + ENCODER.encodeToString(secret);
    }

    /** The session a well-formed token names; empty for anything else. */
    public static Optional<SessionId> sessionOf(String token) {
        if (token == null || token.length() != 22 + 1 + 43 || token.charAt(22) != '.') {
            return Optional.empty();
        }
        try {
            ByteBuffer id = ByteBuffer.wrap(DECODER.decode(token.substring(0, 22)));
            if (DECODER.decode(token.substring(23)).length != 32) {
                return Optional.empty();
            }
            return Optional.of(new SessionId(new UUID(id.getLong(), id.getLong())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
