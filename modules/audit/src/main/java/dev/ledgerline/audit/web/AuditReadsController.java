package dev.ledgerline.audit.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import dev.ledgerline.audit.queries.AuditReadView;
import dev.ledgerline.audit.reads.AuditReadQueries;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins list who read which audit stream, newest first. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Validated
class AuditReadsController {

    private final AuditReadQueries queries;

    AuditReadsController(AuditReadQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/admin/audit-reads")
    ReadPage list(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                  @RequestParam(required = false) String cursor) {
        Instant beforeAt = null;
        UUID beforeId = null;
        if (cursor != null) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                beforeAt = Instant.parse(parts[0]);
                beforeId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw AuditProblems.badCursor();
            }
        }
        List<AuditReadView> page = queries.page(beforeAt, beforeId, limit + 1);
        boolean more = page.size() > limit;
        List<AuditReadView> data = more ? page.subList(0, limit) : page;
        String next = null;
        if (more) {
            AuditReadView last = data.get(data.size() - 1);
            next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((last.readAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
        }
        return new ReadPage(data, next);
    }

    record ReadPage(List<AuditReadView> data, String nextCursor) {
    }
}
