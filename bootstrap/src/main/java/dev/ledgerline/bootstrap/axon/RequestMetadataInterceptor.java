package dev.ledgerline.bootstrap.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import dev.ledgerline.bootstrap.web.RequestCorrelation;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps each command with who caused it ({@code actor}: a user id, {@code anonymous} for an unauthenticated
 * request, {@code system} outside any request), the request's correlation id and the client's address. Values the
 * sender set explicitly are kept. Axon's correlation data providers copy them onto every event the command causes.
 */
class RequestMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(missing(command, current()));
    }

    private static Map<String, Object> missing(CommandMessage<?> command, Map<String, Object> defaults) {
        Map<String, Object> result = new HashMap<>(defaults);
        result.keySet().removeIf(command.getMetaData()::containsKey);
        return result;
    }

    private static Map<String, Object> current() {
        HttpServletRequest request = currentRequest();
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(MessageMetadata.ACTOR, actor(request != null));
        String correlationId = RequestCorrelation.currentId();
        metadata.put(MessageMetadata.CORRELATION_ID, correlationId != null ? correlationId : UUID.randomUUID().toString());
        if (request != null) {
            metadata.put(MessageMetadata.CLIENT_ADDRESS, request.getRemoteAddr());
        }
        return metadata;
    }

    private static String actor(boolean inRequest) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return authentication.getName();
        }
        return inRequest ? MessageMetadata.ANONYMOUS : MessageMetadata.SYSTEM;
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
