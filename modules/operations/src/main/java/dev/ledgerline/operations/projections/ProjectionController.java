package dev.ledgerline.operations.projections;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
class ProjectionController {

    private final Projections projections;
    private final ProjectionMonitor monitor;
    private final Rebuilder rebuilder;
    private final RebuildTable rebuilds;
    private final DeadLetters deadLetters;

    ProjectionController(Projections projections, ProjectionMonitor monitor, Rebuilder rebuilder,
                         RebuildTable rebuilds, DeadLetters deadLetters) {
        this.projections = projections;
        this.monitor = monitor;
        this.rebuilder = rebuilder;
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
    }

    @GetMapping
    List<ProjectionStatus> all() {
        return monitor.statuses();
    }

    @GetMapping("/{name}")
    ProjectionStatus one(@PathVariable String name) {
        return monitor.status(projections.get(name));
    }

    @PostMapping("/{name}/rebuild")
    ResponseEntity<RebuildView> rebuild(@PathVariable String name,
                                        @RequestParam(defaultValue = RebuildRecord.BLUE_GREEN) String mode) {
        ProjectionDescriptor projection = projections.get(name);
        if (!RebuildRecord.BLUE_GREEN.equals(mode) && !RebuildRecord.IN_PLACE.equals(mode)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "mode is blue-green (the default) or in-place");
            problem.setType(URI.create("https://ledgerline.dev/problems/validation-failed"));
            problem.setTitle("Validation failed");
            problem.setProperty("errors", List.of(Map.of("field", "mode", "message", "must be blue-green or in-place")));
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
        }
        RebuildRecord record = rebuilder.start(projection, mode, "requested");
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name + "/rebuilds/"
                + record.id())).body(RebuildView.of(record, Instant.now()));
    }

    @GetMapping("/{name}/rebuilds/{id}")
    RebuildView rebuildStatus(@PathVariable String name, @PathVariable UUID id) {
        projections.get(name);
        return rebuilds.find(id).filter(record -> record.projection().equals(name))
                .map(record -> RebuildView.of(record, Instant.now()))
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/{name}/dead-letters")
    List<DeadLetterView> deadLetters(@PathVariable String name) {
        return deadLetters.list(projections.get(name));
    }

    /** Retries the letter's whole sequence, oldest letter first; {@code handled} is false when it failed again. */
    @PostMapping("/{name}/dead-letters/{id}/retry")
    Map<String, Object> retry(@PathVariable String name, @PathVariable String id) {
        return Map.of("handled", deadLetters.retry(projections.get(name), id));
    }

    @PostMapping("/{name}/dead-letters/retry")
    Map<String, Object> retryAll(@PathVariable String name) {
        return Map.of("sequencesHandled", deadLetters.retryAll(projections.get(name)));
    }

    @DeleteMapping("/{name}/dead-letters/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discard(@PathVariable String name, @PathVariable String id) {
        deadLetters.discard(projections.get(name), id);
    }
}
