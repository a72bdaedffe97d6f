package dev.ledgerline.audit.chain;

import java.util.List;

import jakarta.persistence.EntityManager;

/** Writes the chain links of newly appended events into {@code audit_event_chain}. */
class ChainLinks {

    private final ChainHasher hasher;

    ChainLinks(ChainHasher hasher) {
        this.hasher = hasher;
    }

    /** Events of one append, in order; several may belong to one stream and follow each other. */
    void append(EntityManager entityManager, List<StoredEvent> events) {
        String lastStream = null;
        long lastSequence = -1;
        byte[] lastHash = null;
        for (StoredEvent event : events) {
            byte[] previous = event.aggregateIdentifier().equals(lastStream) && event.sequenceNumber() == lastSequence + 1
                    ? lastHash
                    : previousHash(entityManager, event);
            byte[] hash = hasher.link(previous, event);
            entityManager.createNativeQuery("INSERT INTO audit_event_chain "
                            + "(aggregate_identifier, sequence_number, event_identifier, previous_hash, hash) "
                            + "VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, event.aggregateIdentifier())
                    .setParameter(2, event.sequenceNumber())
                    .setParameter(3, event.eventIdentifier())
                    .setParameter(4, previous)
                    .setParameter(5, hash)
                    .executeUpdate();
            lastStream = event.aggregateIdentifier();
            lastSequence = event.sequenceNumber();
            lastHash = hash;
        }
    }

    private static byte[] previousHash(EntityManager entityManager, StoredEvent event) {
        if (event.sequenceNumber() == 0) {
            return ChainHasher.GENESIS;
        }
        List<?> rows = entityManager.createNativeQuery("SELECT hash FROM audit_event_chain "
                        + "WHERE aggregate_identifier = ?1 AND sequence_number = ?2")
                .setParameter(1, event.aggregateIdentifier())
                .setParameter(2, event.sequenceNumber() - 1)
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("The audit chain of stream " + event.aggregateIdentifier()
                    + " has no link for sequence " + (event.sequenceNumber() - 1)
                    + "; the stream was changed outside the application (run the audit verify endpoint)");
        }
        return (byte[]) rows.get(0);
    }
}
