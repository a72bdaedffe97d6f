package dev.ledgerline.identity;

import static dev.ledgerline.support.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Brute force is throttled per login name, and the answers do not tell which names exist. */
@EndToEndTest
class LoginThrottlingTest {

    private static final int MAX_FAILURES = 5;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    Http http;

    @BeforeEach
    void connect() {
        http = new Http(port);
    }

    @Test
    void after_repeated_failures_even_the_right_password_is_answered_429_with_retry_after() {
        TestUser user = TestUsers.register(http);
        for (int i = 0; i < MAX_FAILURES; i++) {
            assertThat(login(user.username(), "wrong password").status()).isEqualTo(401);
        }

        Http.Response locked = login(user.username(), user.password());

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");
        assertThat(locked.body().path("type").asText())
                .isEqualTo("https://ledgerline.dev/problems/too-many-login-attempts");
        assertThat(Integer.parseInt(locked.header("Retry-After"))).isBetween(1, 30);
        assertThat(login(user.email(), user.password()).status()).isEqualTo(200);
    }

    @Test
    void each_failed_login_of_an_account_is_recorded_with_where_it_came_from() {
        TestUser user = TestUsers.register(http);
        login(user.username(), "wrong password");
        login(user.username(), "wrong again");

        List<EventLog.Event> failures = new EventLog(jdbc).await(user.id(), events -> events.stream()
                .filter(event -> event.type().equals("LoginFailed")).count() == 2);

        EventLog.Event failure = failures.get(1);
        assertThat(failure.payload().path("reason").asText()).isEqualTo("BAD_PASSWORD");
        assertThat(failure.metadata().path("actor").asText()).isEqualTo("anonymous");
        assertThat(failure.metadata().path("clientAddress").asText()).isEqualTo("127.0.0.1");
    }

    @Test
    void an_unknown_name_is_answered_exactly_like_a_wrong_password_and_throttled_alike() {
        TestUser user = TestUsers.register(http);
        String nobody = "nobody-" + UUID.randomUUID();

        Http.Response wrong = login(user.username(), "wrong password");
        Http.Response unknown = login(nobody, "wrong password");

        assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
        assertThat(unknown.header("WWW-Authenticate")).isEqualTo(wrong.header("WWW-Authenticate"));
        assertThat(unknown.contentType()).isEqualTo(wrong.contentType());
        for (String field : List.of("type", "title", "status", "detail")) {
            assertThat(unknown.body().path(field)).isEqualTo(wrong.body().path(field));
        }
        for (int i = 1; i < MAX_FAILURES; i++) {
            login(nobody, "wrong password");
        }
        assertThat(login(nobody, "wrong password").status()).isEqualTo(429);
    }

    @Test
    void an_unknown_name_takes_as_long_to_refuse_as_a_wrong_password() {
        TestUser user = TestUsers.register(http);
        String nobody = "nobody-" + UUID.randomUUID();
        List<Long> wrong = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            wrong.add(timed(user.username()));
            unknown.add(timed(nobody));
        }

        long wrongMedian = median(wrong);
        long unknownMedian = median(unknown);

        // both run one bcrypt comparison at cost 12; without it the unknown name would answer in a few ms
        assertThat(unknownMedian).as("unknown %s ms, wrong password %s ms", unknown, wrong)
                .isGreaterThan(wrongMedian / 2);
        assertThat(wrongMedian).as("unknown %s ms, wrong password %s ms", unknown, wrong)
                .isGreaterThan(unknownMedian / 2);
    }

    @Test
    void a_burst_of_parallel_guesses_gets_no_more_tries_than_the_limit() throws Exception {
        String name = "burst-" + UUID.randomUUID();
        int burst = 10;
        ExecutorService pool = Executors.newFixedThreadPool(burst);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < burst; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return login(name, "guess").status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }

            assertThat(statuses).filteredOn(status -> status == 401).hasSize(MAX_FAILURES);
            assertThat(statuses).filteredOn(status -> status == 429).hasSize(burst - MAX_FAILURES);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_successful_login_forgets_the_earlier_failures() {
        TestUser user = TestUsers.register(http);
        for (int i = 1; i < MAX_FAILURES; i++) {
            login(user.username(), "wrong password");
        }
        assertThat(login(user.username(), user.password()).status()).isEqualTo(200);
        for (int i = 1; i < MAX_FAILURES; i++) {
            assertThat(login(user.username(), "wrong password").status()).isEqualTo(401);
        }

        assertThat(login(user.username(), user.password()).status()).isEqualTo(200);
    }

    private long timed(String username) {
        long start = System.nanoTime();
        assertThat(login(username, "wrong password").status()).isEqualTo(401);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }

    private Http.Response login(String username, String password) {
        return http.post("/api/auth/login", json("username", username, "password", password), null);
    }
}
