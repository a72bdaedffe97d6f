package dev.ledgerline.bootstrap.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request has a correlation id: the client's {@code X-Request-Id} when it is a sane token, a new UUID
 * otherwise. It is echoed on the response, put on every log line (MDC key {@code correlationId}) and, through the
 * command metadata, on every event the request causes.
 */
public class RequestCorrelation extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "correlationId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    public static String currentId() {
        return MDC.get(MDC_KEY);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String given = request.getHeader(HEADER);
        String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
        response.setHeader(HEADER, id);
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
            chain.doFilter(request, response);
        }
    }

    /** Puts the correlation id of the event being handled on the log lines of its handlers. */
    public static MessageHandlerInterceptor<EventMessage<?>> eventInterceptor() {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                Object correlationId = unitOfWork.getMessage().getMetaData().get(MDC_KEY);
                if (correlationId == null) {
                    return chain.proceed();
                }
                try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, correlationId.toString())) {
                    return chain.proceed();
                }
            }
        };
    }
}
