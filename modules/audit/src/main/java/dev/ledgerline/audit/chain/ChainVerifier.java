package dev.ledgerline.audit.chain;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import dev.ledgerline.audit.queries.ChainVerification;
import dev.ledgerline.audit.stream.StreamingStatements;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes a stream's chain from the event store and compares it, link by link, with the chain recorded when the
 * events were appended. Streams through the events: memory does not grow with the stream.
 */
@Component
public class ChainVerifier {

    private static final String STREAM = """
            SELECT coalesce(e.sequence_number, c.sequence_number) AS seq,
                   e.sequence_number IS NOT NULL AS has_event,
                   e.type, e.event_identifier, e.time_stamp, e.payload_type, e.payload_revision,
                   e.payload, e.meta_data, c.hash
            FROM (SELECT * FROM domain_event_entry WHERE aggregate_identifier = ?) e
            FULL OUTER JOIN (SELECT * FROM audit_event_chain WHERE aggregate_identifier = ?) c
                ON c.sequence_number = e.sequence_number
            ORDER BY seq""";

    private final JdbcTemplate jdbc;
    private final ChainHasher hasher;

    ChainVerifier(JdbcTemplate jdbc, ChainHasher hasher) {
        this.jdbc = jdbc;
        this.hasher = hasher;
    }

    /** Empty when the stream has neither events nor links. */
    @Transactional(readOnly = true)
    public Optional<ChainVerification> verify(String streamId) {
        Walk walk = new Walk(streamId);
        jdbc.query(StreamingStatements.streaming(STREAM, streamId, streamId), (RowCallbackHandler) rows -> {
            if (walk.broken == null) {
                walk.next(rows.getLong("seq"), rows.getBoolean("has_event"), new StoredEvent(-1, streamId,
                        rows.getLong("seq"), rows.getString("type"), rows.getString("event_identifier"),
                        rows.getString("time_stamp"), rows.getString("payload_type"),
                        rows.getString("payload_revision"), rows.getBytes("payload"), rows.getBytes("meta_data")),
                        rows.getBytes("hash"));
            }
        });
        return walk.result();
    }

    private final class Walk {
        private final String streamId;
        private long expected;
        private long checked;
        private byte[] head = ChainHasher.GENESIS;
        private Long broken;
        private String reason;
        private boolean any;

        Walk(String streamId) {
            this.streamId = streamId;
        }

        void next(long sequence, boolean hasEvent, StoredEvent event, byte[] recordedHash) {
            any = true;
            if (sequence != expected) {
                fail(expected, "sequence " + expected + " is missing: the event and its link were deleted");
            } else if (!hasEvent) {
                fail(sequence, "the event was deleted; its chain link remains");
            } else if (recordedHash == null) {
                fail(sequence, "the event has no chain link: it was written outside the application");
            } else {
                byte[] computed = hasher.link(head, event);
                if (!Arrays.equals(computed, recordedHash)) {
                    fail(sequence, "the event's stored bytes do not match its chain link: it was changed");
                } else {
                    head = computed;
                    expected++;
                    checked++;
                }
            }
        }

        private void fail(long sequence, String why) {
            broken = sequence;
            reason = why;
        }

        Optional<ChainVerification> result() {
            if (!any) {
                return Optional.empty();
            }
            String headHash = HexFormat.of().formatHex(head);
            return Optional.of(broken == null
                    ? ChainVerification.intact(streamId, checked, headHash)
                    : ChainVerification.tampered(streamId, checked, headHash, broken, reason));
        }
    }
}
