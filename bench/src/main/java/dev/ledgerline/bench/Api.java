package dev.ledgerline.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The application's REST API as the harness uses it, over HTTP/1.1 on 127.0.0.1: through {@link Wire} by default,
 * through the JDK's {@code HttpClient} with {@code --http-client jdk} (what the harness used before; it costs the
 * shared CPU more per request). The audit export is always streamed through the JDK's client.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** Which client sends the requests. */
    enum Client { WIRE, JDK }

    private final URI base;
    private final HttpClient client;
    private final Wire wire;

    Api(URI base, Client kind) {
        this.base = base;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.wire = kind == Client.WIRE ? new Wire(base, TIMEOUT) : null;
    }

    /** A logged-in user. */
    record User(String id, String username, String token) {
    }

    record Answer(int status, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        Answer expect(int expected, String what) {
            if (status != expected) {
                throw new IllegalStateException(what + " answered " + status + ": " + abbreviated(body));
            }
            return this;
        }
    }

    User register(String username, String password) throws Exception {
        String id = post("/api/auth/register", null, Map.of("username", username, "email",
                username + "@bench.ledgerline.test", "password", password, "fullName", "Bench " + username))
                .expect(201, "register " + username).json().get("id").asText();
        return new User(id, username, login(username, password));
    }

    String login(String username, String password) throws Exception {
        return post("/api/auth/login", null, Map.of("username", username, "password", password))
                .expect(200, "login " + username).json().get("accessToken").asText();
    }

    String startConversation(User user, long capacityMax) throws Exception {
        return post("/api/conversations", user.token(), Map.of("title", "bench", "capacityMax", capacityMax))
                .expect(201, "start a conversation").json().get("id").asText();
    }

    Answer postMessage(User user, String conversation, Object body) throws Exception {
        return post("/api/conversations/" + conversation + "/messages", user.token(), body);
    }

    Answer recordToolResult(User user, String conversation, String callId, String output) throws Exception {
        return post("/api/conversations/" + conversation + "/tool-calls/" + callId + "/result", user.token(),
                Map.of("output", output, "status", "ok"));
    }

    Answer get(String path, String token) throws Exception {
        if (wire != null) {
            return answer(wire.exchange("GET", path, token, null));
        }
        return send(request(path, token).GET().build());
    }

    Answer post(String path, String token) throws Exception {
        if (wire != null) {
            return answer(wire.exchange("POST", path, token, null));
        }
        return send(request(path, token).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /**
     * Reads a response body to its end and counts its non-empty lines by their newline bytes: the least a client can
     * do with an NDJSON stream, so that the figure is the server's, not the decoding of 100,000 strings.
     */
    long countLines(String path, String token, Duration timeout) throws Exception {
        HttpResponse<InputStream> response = client.send(request(path, token).timeout(timeout).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
            byte[] buffer = new byte[1 << 16];
            long lines = 0;
            boolean lineHasContent = false;
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines += lineHasContent ? 1 : 0;
                        lineHasContent = false;
                    } else {
                        lineHasContent = true;
                    }
                }
            }
            return lines + (lineHasContent ? 1 : 0);
        }
    }

    private Answer post(String path, String token, Object body) throws Exception {
        byte[] json = JSON.writeValueAsBytes(body);
        if (wire != null) {
            return answer(wire.exchange("POST", path, token, json));
        }
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    private static Answer answer(Wire.Response response) {
        return new Answer(response.status(), response.text());
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    static String abbreviated(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }

    static List<Map<String, Object>> toolCall(String callId, String name, Map<String, Object> arguments) {
        return List.of(Map.of("callId", callId, "name", name, "arguments", arguments));
    }
}
