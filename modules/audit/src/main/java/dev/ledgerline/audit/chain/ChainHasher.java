package dev.ledgerline.audit.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One link of an event stream's chain: {@code HMAC-SHA256(key, previousHash || fields)} where each field is written
 * as a 4-byte big-endian length followed by its bytes (-1 for null), in this order: aggregate identifier, sequence
 * number (8 bytes), aggregate type, event identifier, timestamp, payload type, payload revision, payload, metadata.
 * The first event of a stream links to 32 zero bytes.
 */
public final class ChainHasher {

    public static final byte[] GENESIS = new byte[32];
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final String keyId;

    public ChainHasher(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The audit chain key must have at least 256 bits");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.keyId = keyId(key);
    }

    public byte[] link(byte[] previousHash, StoredEvent event) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(previousHash);
            field(mac, event.aggregateIdentifier());
            mac.update(ByteBuffer.allocate(8).putLong(event.sequenceNumber()).array());
            field(mac, event.aggregateType());
            field(mac, event.eventIdentifier());
            field(mac, event.timestamp());
            field(mac, event.payloadType());
            field(mac, event.payloadRevision());
            field(mac, event.payload());
            field(mac, event.metadata());
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** A short, non-secret fingerprint of the key, so operators can tell which key a deployment uses. */
    public String keyId() {
        return keyId;
    }

    private static void field(Mac mac, String value) {
        field(mac, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(Mac mac, byte[] value) {
        mac.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            mac.update(value);
        }
    }

    private static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
