package dev.ledgerline.audit.chain;

/** An event exactly as the event store holds it: the bytes the chain is computed over. */
public record StoredEvent(
        long globalIndex,
        String aggregateIdentifier,
        long sequenceNumber,
        String aggregateType,
        String eventIdentifier,
        String timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metadata) {
}
