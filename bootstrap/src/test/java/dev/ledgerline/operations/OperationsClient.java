package dev.ledgerline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;

/** The admin's view of the projections, over HTTP. */
final class OperationsClient {

    private final Http http;
    private final String token;

    /** Logs the admin in once: an in-place rebuild of identity must not make the test log in again meanwhile. */
    OperationsClient(Http http) {
        this(http, TestUsers.admin(http).accessToken());
    }

    OperationsClient(Http http, String token) {
        this.http = http;
        this.token = token;
    }

    String token() {
        return token;
    }

    Http.Response rebuild(String projection, String mode) {
        return http.post("/api/admin/projections/" + projection + "/rebuild" + (mode == null ? "" : "?mode=" + mode),
                null, token());
    }

    JsonNode status(String projection) {
        Http.Response response = http.get("/api/admin/projections/" + projection, token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** Starts a rebuild and waits for it to complete; returns its last view. */
    JsonNode rebuildAndWait(String projection, String mode) {
        Http.Response started = rebuild(projection, mode);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return awaitCompleted(started.header("Location"));
    }

    JsonNode awaitCompleted(String location) {
        return await(location, view -> "completed".equals(view.path("state").asText()), Duration.ofSeconds(90));
    }

    JsonNode await(String location, Predicate<JsonNode> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Http.Response response = http.get(location, token());
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            assertThat(response.body().path("state").asText()).as(response.toString()).isNotEqualTo("failed");
            if (done.test(response.body())) {
                return response.body();
            }
            assertThat(System.nanoTime()).as("waiting for " + location + ": " + response).isLessThan(deadline);
            pause(50);
        }
    }

    /** Waits until the projection has processed every event in the store. */
    void awaitCaughtUp(String projection) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode status = status(projection);
        while (status.path("lag").asLong() > 0 || !"running".equals(status.path("state").asText())) {
            assertThat(System.nanoTime()).as("waiting for " + projection + " to catch up: " + status)
                    .isLessThan(deadline);
            pause(50);
            status = status(projection);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
