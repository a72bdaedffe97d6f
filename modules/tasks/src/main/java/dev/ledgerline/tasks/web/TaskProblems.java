package dev.ledgerline.tasks.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ledgerline.tasks.commands.InvalidTaskException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problems the tasks API answers; the module README lists their types. */
final class TaskProblems {

    private static final String BASE = "https://ledgerline.dev/problems/";

    private TaskProblems() {
    }

    /** Word for word what a missing aggregate answers, so another user's task is indistinguishable from none. */
    static ErrorResponseException notFound() {
        return problem(HttpStatus.NOT_FOUND, "not-found", null, "No such resource.", null);
    }

    static ErrorResponseException preconditionFailed(Exception cause) {
        return problem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                "The task has changed since the version in If-Match; read it again and retry.", cause);
    }

    static ErrorResponseException invalid(InvalidTaskException cause) {
        ErrorResponseException problem = problem(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed",
                "The request has invalid fields.", cause);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", cause.field());
        error.put("message", cause.getMessage());
        problem.getBody().setProperty("errors", List.of(error));
        return problem;
    }

    static ErrorResponseException invalidCursor() {
        return problem(HttpStatus.BAD_REQUEST, "invalid-cursor", "Invalid cursor",
                "The cursor is not one this API handed out.", null);
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String title, String detail,
                                                  Throwable cause) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(BASE + slug));
        if (title != null) {
            body.setTitle(title);
        }
        return new ErrorResponseException(status, body, cause);
    }
}
