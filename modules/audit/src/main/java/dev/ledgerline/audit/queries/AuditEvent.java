package dev.ledgerline.audit.queries;

import tools.jackson.databind.JsonNode;

/**
 * One stored event as auditors see it: which stream (aggregate) it belongs to, where it sits in that stream and in
 * the store, what it is, who caused it in
 * which request, its payload, and its chain link ({@code hash} over {@code previousHash} and the stored bytes).
 */
public record AuditEvent(
        String streamId,
        String streamType,
        long sequence,
        long globalIndex,
        String eventId,
        String type,
        String revision,
        String timestamp,
        String actor,
        String correlationId,
        String clientAddress,
        JsonNode payload,
        String hash,
        String previousHash) {
}
