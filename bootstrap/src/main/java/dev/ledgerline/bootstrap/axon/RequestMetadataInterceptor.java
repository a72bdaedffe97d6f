package dev.ledgerline.bootstrap.axon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import dev.ledgerline.bootstrap.web.RequestCorrelation;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Stamps each command, and each event published outside a command, with who caused it ({@code actor}: a user id, {@code anonymous} for an unauthenticated
 * request, {@code system} outside any request), the request's correlation id and the client's address. An actor or
 * address the sender set explicitly is kept. Axon's correlation data providers copy them onto every event the command causes.
 */
class RequestMetadataInterceptor<M extends Message<?>> implements MessageDispatchInterceptor<M> {

    @Override
    @SuppressWarnings("unchecked")
    public BiFunction<Integer, M, M> handle(List<? extends M> messages) {
        return (index, message) -> (M) message.andMetaData(metadataFor(message));
    }

    private static Map<String, Object> metadataFor(Message<?> command) {
        HttpServletRequest request = currentRequest();
        Map<String, Object> metadata = new HashMap<>();
        if (!command.getMetaData().containsKey(MessageMetadata.ACTOR)) {
            metadata.put(MessageMetadata.ACTOR, actor(request != null));
        }
        if (request != null && !command.getMetaData().containsKey(MessageMetadata.CLIENT_ADDRESS)) {
            metadata.put(MessageMetadata.CLIENT_ADDRESS, request.getRemoteAddr());
        }
        // The id of the request (or of the event being handled) always wins: Axon may already have filled the key
        // with the command's own identifier.
        String correlationId = RequestCorrelation.currentId();
        if (correlationId != null) {
            metadata.put(MessageMetadata.CORRELATION_ID, correlationId);
        } else if (!command.getMetaData().containsKey(MessageMetadata.CORRELATION_ID)) {
            metadata.put(MessageMetadata.CORRELATION_ID, UUID.randomUUID().toString());
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
