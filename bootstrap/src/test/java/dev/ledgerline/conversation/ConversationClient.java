package dev.ledgerline.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.Http.Response;

/**
 * One user's view of the conversation REST API in end-to-end tests. Every request carries a fresh {@code X-Request-Id}
 * (see {@link #lastRequestId()}), which the events it causes carry as their correlation id.
 */
final class ConversationClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Http http;
    private final String token;
    private String lastRequestId;

    ConversationClient(Http http, String token) {
        this.http = http;
        this.token = token;
    }

    String token() {
        return token;
    }

    String lastRequestId() {
        return lastRequestId;
    }

    Response start(Object body) {
        return send("POST", "/api/conversations", body, Map.of());
    }

    String startConversation(Object body) {
        Response response = start(body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body().get("id").asText();
    }

    String startConversation() {
        return startConversation(Map.of());
    }

    Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    Response conversation(String id) {
        return get("/api/conversations/" + id);
    }

    Response rename(String id, Object body) {
        return send("PATCH", "/api/conversations/" + id, body, Map.of());
    }

    Response delete(String id) {
        return send("DELETE", "/api/conversations/" + id, null, Map.of());
    }

    Response post(String id, Object body) {
        return send("POST", "/api/conversations/" + id + "/messages", body, Map.of());
    }

    Response post(String id, Object body, String idempotencyKey) {
        return send("POST", "/api/conversations/" + id + "/messages", body, Map.of("Idempotency-Key", idempotencyKey));
    }

    Response result(String id, String callId, Object body) {
        return send("POST", "/api/conversations/" + id + "/tool-calls/" + callId + "/result", body, Map.of());
    }

    Response messages(String id, String query) {
        return get("/api/conversations/" + id + "/messages" + (query.isEmpty() ? "" : "?" + query));
    }

    Response send(String method, String path, Object body, Map<String, String> headers) {
        lastRequestId = "test-" + UUID.randomUUID();
        HttpRequest.Builder request = http.request(path, token).header("X-Request-Id", lastRequestId);
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            if (!headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, HttpRequest.BodyPublishers.ofString(body instanceof String raw ? raw : write(body)));
        }
        return http.send(request.build());
    }

    static Map<String, Object> message(String role, String content) {
        return Http.json("role", role, "content", content);
    }

    static Map<String, Object> toolCall(String callId, String name, Map<String, Object> arguments) {
        return Http.json("callId", callId, "name", name, "arguments", arguments);
    }

    static Map<String, Object> assistantCalling(String content, List<Map<String, Object>> toolCalls) {
        return Http.json("role", "assistant", "content", content, "toolCalls", toolCalls);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
