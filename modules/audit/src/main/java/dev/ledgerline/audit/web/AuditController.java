package dev.ledgerline.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ledgerline.audit.chain.ChainVerifier;
import dev.ledgerline.audit.queries.AuditEvent;
import dev.ledgerline.audit.queries.ChainVerification;
import dev.ledgerline.audit.queries.PastState;
import dev.ledgerline.audit.reads.AuditReads;
import dev.ledgerline.audit.state.PastStates;
import dev.ledgerline.audit.stream.EventStreamReader;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Conversation event streams for auditors, straight from the event store. */
@RestController
@RequestMapping("/api/audit/conversations/{id}")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
@Validated
class AuditController {

    static final String CONVERSATION = "Conversation";
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final EventStreamReader reader;
    private final ChainVerifier verifier;
    private final AuditReads reads;
    private final PastStates pastStates;

    AuditController(EventStreamReader reader, ChainVerifier verifier, AuditReads reads, PastStates pastStates) {
        this.reader = reader;
        this.verifier = verifier;
        this.reads = reads;
        this.pastStates = pastStates;
    }

    @GetMapping("/events")
    EventPage events(@PathVariable UUID id,
                     @RequestParam(required = false) @Min(0) Long fromSequence,
                     @RequestParam(required = false) @Min(0) Long toSequence,
                     @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                     @RequestParam(required = false) String cursor) {
        String stream = requireConversation(id);
        long from = cursor != null ? decodeCursor(cursor) : fromSequence == null ? 0 : fromSequence;
        long to = toSequence == null ? Long.MAX_VALUE : toSequence;
        List<AuditEvent> page = reader.page(stream, from, to, limit + 1);
        reads.record(CONVERSATION, stream, "events");
        boolean more = page.size() > limit;
        List<AuditEvent> data = more ? page.subList(0, limit) : page;
        return new EventPage(data, more ? encodeCursor(data.get(data.size() - 1).sequence() + 1) : null);
    }

    @GetMapping("/state")
    PastState state(@PathVariable UUID id,
                    @RequestParam(required = false) @Min(0) Long atSequence,
                    @RequestParam(required = false) Instant at) {
        if (atSequence != null && at != null) {
            throw AuditProblems.eitherSequenceOrInstant();
        }
        String stream = requireConversation(id);
        Optional<PastState> state = atSequence != null ? pastStates.atSequence(stream, atSequence)
                : at != null ? pastStates.at(stream, at)
                : pastStates.latest(stream);
        reads.record(CONVERSATION, stream, "state");
        return state.orElseThrow(AuditProblems::noSuchPoint);
    }

    @GetMapping("/verify")
    ChainVerification verify(@PathVariable UUID id) {
        String stream = id.toString();
        ChainVerification result = verifier.verify(stream).orElseThrow(AuditProblems::streamNotFound);
        reads.record(CONVERSATION, stream, "verify");
        return result;
    }

    @GetMapping(value = "/export", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> export(@PathVariable UUID id) {
        String stream = requireConversation(id);
        reads.record(CONVERSATION, stream, "export");
        StreamingResponseBody body = out -> reader.export(stream, out);
        return ResponseEntity.ok()
                .contentType(NDJSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"conversation-" + stream + ".ndjson\"")
                .body(body);
    }

    private String requireConversation(UUID id) {
        String stream = id.toString();
        reader.streamType(stream).filter(CONVERSATION::equals).orElseThrow(AuditProblems::streamNotFound);
        return stream;
    }

    static String encodeCursor(long sequence) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("s" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    static long decodeCursor(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith("s")) {
                throw AuditProblems.badCursor();
            }
            return Long.parseLong(decoded.substring(1));
        } catch (IllegalArgumentException e) {
            throw AuditProblems.badCursor();
        }
    }

    /** A page of a stream; {@code nextCursor} is null on the last page. */
    record EventPage(List<AuditEvent> data, String nextCursor) {
    }
}
