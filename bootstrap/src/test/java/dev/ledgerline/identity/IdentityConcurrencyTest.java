package dev.ledgerline.identity;

import static dev.ledgerline.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Two requests at the same moment: duplicate registrations and refreshes with one token. */
@EndToEndTest
class IdentityConcurrencyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    Http http;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Test
    void two_concurrent_registrations_with_one_email_in_different_case_give_one_user_and_one_409() throws Exception {
        String name = "dup" + Long.toString(System.nanoTime(), 36);

        List<Http.Response> answers = together(
                () -> register(name + "a", name + "@example.test"),
                () -> register(name + "b", name.toUpperCase() + "@EXAMPLE.test"));

        assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(201, 409);
        assertThat(answers).filteredOn(answer -> answer.status() == 409).first()
                .satisfies(conflict -> assertThat(conflict.body().path("type").asText())
                        .isEqualTo("https://ledgerline.dev/problems/email-taken"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_log WHERE payload_type LIKE '%.UserRegistered' "
                + "AND lower(payload->>'email') = ?", Long.class, name + "@example.test")).isEqualTo(1);
    }

    @Test
    void two_concurrent_registrations_with_one_username_give_one_user_and_one_409() throws Exception {
        String name = "dup" + Long.toString(System.nanoTime(), 36);

        List<Http.Response> answers = together(
                () -> register(name, name + "-1@example.test"),
                () -> register(name.toUpperCase(), name + "-2@example.test"));

        assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(201, 409);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE lower(username) = ?", Long.class, name))
                .isEqualTo(1);
    }

    /**
     * The rule: of two refreshes with one token, exactly one gets a new pair. The other gets 401; it counts as reuse
     * (and revokes the session) only when it arrived after the winner's rotation had committed.
     */
    @Test
    void two_concurrent_refreshes_with_one_token_give_one_new_pair_and_one_401() throws Exception {
        for (int round = 0; round < 3; round++) {
            TestUser user = TestUsers.register(http);

            List<Http.Response> answers = together(() -> refresh(user.refreshToken()),
                    () -> refresh(user.refreshToken()));

            assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 401);
            Http.Response winner = answers.stream().filter(answer -> answer.status() == 200).findFirst().orElseThrow();
            Http.Response loser = answers.stream().filter(answer -> answer.status() == 401).findFirst().orElseThrow();
            String newToken = winner.body().path("refreshToken").asText();
            if (loser.body().path("type").asText().endsWith("/refresh-token-reused")) {
                assertThat(refresh(newToken).status()).isEqualTo(401);
            } else {
                assertThat(loser.body().path("type").asText())
                        .isEqualTo("https://ledgerline.dev/problems/invalid-refresh-token");
                assertThat(refresh(newToken).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void a_refresh_while_another_rotation_of_the_session_is_in_flight_is_refused_without_revoking() {
        TestUser user = TestUsers.register(http);

        // holds the lock a rotation of this session takes (SessionService#lockForRotation) as an uncommitted one would
        Http.Response during = transaction.execute(status -> {
            jdbc.queryForObject("SELECT pg_advisory_xact_lock(?, ?)", Object.class, 0x1D_0001,
                    user.sessionId().hashCode());
            return refresh(user.refreshToken());
        });

        assertThat(during.status()).isEqualTo(401);
        assertThat(during.body().path("type").asText())
                .isEqualTo("https://ledgerline.dev/problems/invalid-refresh-token");
        assertThat(refresh(user.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void a_token_presented_after_its_rotation_committed_is_reuse() {
        TestUser user = TestUsers.register(http);
        String next = refresh(user.refreshToken()).body().path("refreshToken").asText();

        Http.Response late = refresh(user.refreshToken());

        assertThat(late.status()).isEqualTo(401);
        assertThat(late.body().path("type").asText()).isEqualTo("https://ledgerline.dev/problems/refresh-token-reused");
        assertThat(refresh(next).status()).isEqualTo(401);
    }

    private List<Http.Response> together(Callable<Http.Response> first, Callable<Http.Response> second)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> futures = new ArrayList<>();
        for (Callable<Http.Response> call : List.of(first, second)) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        List<Http.Response> answers = new ArrayList<>();
        for (Future<Http.Response> future : futures) {
            answers.add(future.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }

    private Http.Response register(String username, String email) {
        return http.post("/api/auth/register",
                json("username", username, "email", email, "password", TestUsers.PASSWORD, "fullName", "Dup"), null);
    }

    private Http.Response refresh(String refreshToken) {
        return http.post("/api/auth/refresh", json("refreshToken", refreshToken), null);
    }
}
