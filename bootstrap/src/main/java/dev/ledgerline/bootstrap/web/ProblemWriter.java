package dev.ledgerline.bootstrap.web;

import java.io.IOException;
import java.net.URI;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Writes a problem+json answer from a filter, before Spring MVC's exception handling is reachable. */
public class ProblemWriter {

    private final ObjectMapper json = new ObjectMapper();

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
                      String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("type", type.toString());
        body.put("title", problem.getTitle());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        String correlationId = RequestCorrelation.currentId();
        if (correlationId != null) {
            body.put("correlationId", correlationId);
        }
        json.writeValue(response.getOutputStream(), body);
    }
}
