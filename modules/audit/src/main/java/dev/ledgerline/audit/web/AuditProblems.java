package dev.ledgerline.audit.web;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The audit module's problem answers. */
final class AuditProblems {

    private AuditProblems() {
    }

    static ErrorResponseException streamNotFound() {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such event stream.");
    }

    static ErrorResponseException noSuchPoint() {
        return problem(HttpStatus.NOT_FOUND, "not-found",
                "The stream has no event at that sequence, or none at or before that instant.");
    }

    static ErrorResponseException eitherSequenceOrInstant() {
        return problem(HttpStatus.BAD_REQUEST, "validation-failed", "Give atSequence or at, not both.");
    }

    static ErrorResponseException badCursor() {
        return problem(HttpStatus.BAD_REQUEST, "malformed-request", "The cursor is not one this API handed out.");
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://ledgerline.dev/problems/" + slug));
        return new ErrorResponseException(status, problem, null);
    }
}
