package dev.ledgerline.identity.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import dev.ledgerline.identity.commands.RecordLoginFailure;
import dev.ledgerline.identity.events.LoginFailure;
import dev.ledgerline.identity.events.UserId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records {@code LoginFailed} off the request thread: a failed login for an existing account must not take longer to
 * answer than one for a name nobody has. The request's metadata goes along explicitly.
 */
@Component
class LoginFailures implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LoginFailures.class);

    private final CommandGateway commands;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000), runnable -> {
                Thread thread = new Thread(runnable, "identity-login-failures");
                thread.setDaemon(true);
                return thread;
            }, (runnable, pool) -> log.warn("Too many failed logins queued; one LoginFailed event was not recorded"));

    LoginFailures(CommandGateway commands) {
        this.commands = commands;
    }

    void record(UserId userId, LoginFailure reason) {
        Map<String, Object> metadata = requestMetadata();
        executor.execute(() -> {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordLoginFailure(userId, reason))
                        .andMetaData(metadata));
            } catch (RuntimeException e) {
                log.warn("Could not record a failed login for user {}", userId, e);
            }
        });
    }

    private static Map<String, Object> requestMetadata() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("actor", "anonymous");
        String correlationId = MDC.get("correlationId");
        if (correlationId != null) {
            metadata.put("correlationId", correlationId);
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            metadata.put("clientAddress", attributes.getRequest().getRemoteAddr());
        }
        return metadata;
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdown();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
