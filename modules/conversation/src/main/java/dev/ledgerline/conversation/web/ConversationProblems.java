package dev.ledgerline.conversation.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.ledgerline.conversation.commands.ConversationRefusedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The problems this module answers; each type is listed in the module README. */
final class ConversationProblems {

    private static final String BASE = "https://ledgerline.dev/problems/";

    private ConversationProblems() {
    }

    static ErrorResponseException refused(ConversationRefusedException refusal) {
        HttpStatus status = switch (refusal.reason()) {
            case TOOL_CALL_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case IDEMPOTENCY_KEY_REUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CAPACITY_EXCEEDED, EXPIRED, TOOL_RESULT_ALREADY_RECORDED, TOOL_CALL_ID_IN_USE -> HttpStatus.CONFLICT;
        };
        return problem(status, refusal.reason().slug(), refusal.getMessage(), refusal);
    }

    static ErrorResponseException notFound() {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such conversation.", null);
    }

    /** Same shape as the framework's validation problems: {@code errors: [{field, message}]}. */
    static ErrorResponseException invalid(String field, String message) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid fields.");
        problem.setType(URI.create(BASE + "validation-failed"));
        problem.setTitle("Validation failed");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }

    /** The change is stored but the read tables did not show it within the read-your-writes timeout. */
    static ErrorResponseException lagging() {
        ErrorResponseException problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "read-model-lagging",
                "The change was saved but cannot be read back yet; read it again shortly.", null);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return problem;
    }

    private static ErrorResponseException problem(HttpStatus status, String slug, String detail, Throwable cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + slug));
        return new ErrorResponseException(status, problem, cause);
    }
}
