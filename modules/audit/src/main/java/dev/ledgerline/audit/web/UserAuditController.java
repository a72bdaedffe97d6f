package dev.ledgerline.audit.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.ledgerline.audit.queries.AuditEvent;
import dev.ledgerline.audit.reads.AuditReads;
import dev.ledgerline.audit.stream.EventStreamReader;
import dev.ledgerline.audit.stream.UserSessionsProjection;
import dev.ledgerline.identity.events.UserId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A user's identity stream: their own events and those of every session they started, in global order. */
@RestController
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
@Validated
class UserAuditController {

    static final String USER = "User";

    private final EventStreamReader reader;
    private final UserSessionsProjection sessions;
    private final AuditReads reads;

    UserAuditController(EventStreamReader reader, UserSessionsProjection sessions, AuditReads reads) {
        this.reader = reader;
        this.sessions = sessions;
        this.reads = reads;
    }

    @GetMapping("/api/audit/users/{id}/events")
    AuditController.EventPage events(@PathVariable UUID id,
                                     @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                                     @RequestParam(required = false) String cursor) {
        UserId user = new UserId(id);
        reader.streamType(user.toString()).filter(USER::equals).orElseThrow(AuditProblems::streamNotFound);
        long after = cursor == null ? 0 : decode(cursor);
        List<AuditEvent> page = reader.page(sessions.streamsOf(user), after, limit + 1);
        reads.record(USER, user.toString(), "events");
        boolean more = page.size() > limit;
        List<AuditEvent> data = more ? page.subList(0, limit) : page;
        return new AuditController.EventPage(data, more ? encode(data.get(data.size() - 1).globalIndex()) : null);
    }

    private static String encode(long globalIndex) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("g" + globalIndex).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith("g")) {
                throw AuditProblems.badCursor();
            }
            return Long.parseLong(decoded.substring(1));
        } catch (IllegalArgumentException e) {
            throw AuditProblems.badCursor();
        }
    }
}
