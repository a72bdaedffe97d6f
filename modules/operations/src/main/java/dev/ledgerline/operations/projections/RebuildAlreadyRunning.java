package dev.ledgerline.operations.projections;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A rebuild of the projection is active already, on this node or another. */
class RebuildAlreadyRunning extends ErrorResponseException {

    RebuildAlreadyRunning(String projection) {
        super(HttpStatus.CONFLICT, problem(projection), null);
    }

    private static ProblemDetail problem(String projection) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "A rebuild of projection " + projection + " is running already; follow it or wait for it to end");
        problem.setType(URI.create("https://ledgerline.dev/problems/rebuild-running"));
        problem.setTitle("Rebuild already running");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
