package dev.ledgerline.operations.projections;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No projection has this name (the command line prints the names there are). */
class ProjectionNotFound extends ErrorResponseException {

    ProjectionNotFound(String name) {
        super(HttpStatus.NOT_FOUND, problem(name), null);
    }

    private static ProblemDetail problem(String name) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No projection named " + name);
        problem.setType(URI.create("https://ledgerline.dev/problems/not-found"));
        problem.setTitle("Not found");
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
