package dev.ledgerline.audit.queries;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of recomputing a stream's chain: {@code intact}, or {@code tampered} with the first sequence that does
 * not hold and why. {@code eventsChecked} counts the events verified before that point; {@code headHash} is the last
 * verified link (record it outside the database to detect a later truncation of the stream).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChainVerification(String streamId, String status, long eventsChecked, String headHash,
                                Long firstBrokenSequence, String reason) {

    public static ChainVerification intact(String streamId, long eventsChecked, String headHash) {
        return new ChainVerification(streamId, "intact", eventsChecked, headHash, null, null);
    }

    public static ChainVerification tampered(String streamId, long eventsChecked, String headHash,
                                             long firstBrokenSequence, String reason) {
        return new ChainVerification(streamId, "tampered", eventsChecked, headHash, firstBrokenSequence, reason);
    }
}
