package dev.ledgerline.bench;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What every scenario shares: the running app, its database, the bench users (one per writing client, each with a
 * conversation of its own) and the templates that seeded events are made from.
 */
final class Fixture {

    static final long LARGE_CAPACITY = 10_000_000;
    static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(60);

    final Options options;
    final Results results;
    final App app;
    final Api api;
    final Database database;
    final RssSampler rss;
    final byte[] chainKey;
    final String runId;
    String adminToken;
    final List<Api.User> users = new ArrayList<>();
    final List<String> conversations = new ArrayList<>();
    EventFactory events;
    private final java.util.concurrent.atomic.AtomicLong messages = new java.util.concurrent.atomic.AtomicLong();

    Fixture(Options options, Results results, App app, RssSampler rss, byte[] chainKey, String runId) {
        this.options = options;
        this.results = results;
        this.app = app;
        this.api = new Api(app.baseUri(), options.httpClient());
        this.database = new Database(app.jdbcUrl());
        this.rss = rss;
        this.chainKey = chainKey.clone();
        this.runId = runId;
    }

    /** Registers and logs in one user per writing client (bcrypt makes this take seconds), each with a conversation. */
    void setUp(String adminUsername, String adminPassword) throws Exception {
        adminToken = api.login(adminUsername, adminPassword);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Api.User>> registered = new ArrayList<>();
            for (int i = 0; i < options.writeClients(); i++) {
                String username = "bench-" + runId + "-" + i;
                registered.add(pool.submit(() -> api.register(username, "bench-password-" + username)));
            }
            for (Future<Api.User> user : registered) {
                users.add(user.get());
            }
        } finally {
            pool.shutdownNow();
        }
        conversations.addAll(startConversations());
        events = templates();
    }

    /**
     * Before the first scenario: every writing client posts and as many others read pages of its conversation, so
     * that the JIT has compiled the request paths (a fresh JVM needs thousands of requests for that) before anything
     * is recorded.
     */
    void warmUpApp() {
        int writers = users.size();
        Load.Call post = post(conversations);
        LoadResult warmUp = Load.closedLoop(2 * writers, options.appWarmUp(), client -> client < writers
                ? post.call(client)
                : api.get("/api/conversations/" + conversations.get(client - writers) + "/messages?limit=50",
                        users.get(client - writers).token()).expect(200, "read a page").status() == 200);
        Log.info("warm-up: %s", warmUp);
        results.detail("run", "appWarmUp", warmUp.json());
    }

    /** One new conversation per user, with a large capacity. */
    List<String> startConversations() throws Exception {
        List<String> started = new ArrayList<>();
        for (Api.User user : users) {
            started.add(api.startConversation(user, LARGE_CAPACITY));
        }
        return started;
    }

    /** A conversation with one event of each type, written through HTTP by the application itself. */
    private EventFactory templates() throws Exception {
        Api.User user = users.get(0);
        String conversation = api.startConversation(user, LARGE_CAPACITY);
        api.postMessage(user, conversation, Content.userMessage(0)).expect(201, "post a user message");
        api.postMessage(user, conversation, Map.of("role", "assistant", "content", Content.assistant(0),
                        "toolCalls", Api.toolCall("call-1", "calendar.create_event",
                                Map.of("title", "Dentist", "start", "2026-12-01T09:00:00Z", "minutes", 30))))
                .expect(201, "post an assistant message with a tool call");
        api.recordToolResult(user, conversation, "call-1", "{\"eventId\":\"evt-8841\",\"status\":\"confirmed\"}")
                .expect(200, "record a tool result");
        try (Connection connection = database.connect()) {
            return EventFactory.from(connection, conversation);
        }
    }

    /** Waits for the live projections to reach the head of the store; returns and records the seconds it took. */
    double awaitProjections(String scenario, String what) throws Exception {
        double seconds = database.awaitProjectionsAtHead(CATCH_UP_TIMEOUT);
        Log.info("%s: projections caught up %s in %.1f s", scenario, what, seconds);
        return seconds;
    }

    /** A closed-loop post of a ~300-character user message by client i into conversation {@code targets[i]}. */
    Load.Call post(List<String> targets) {
        return client -> {
            api.postMessage(users.get(client), targets.get(client), Content.userMessage(messages.incrementAndGet()))
                    .expect(201, "post a message");
            return true;
        };
    }

    /** M1: the application's peak resident memory during a scenario. */
    void peakMemory(String window, double peakBytes) {
        results.detail("M1", window + "Samples", rss.samples(window));
        results.add(new Figure("M1", "peak RSS during " + window, "MB", List.of(peakBytes / (1024 * 1024)), null,
                Target.valueAtMost(768, "MB")));
    }

    void requireAlive(String scenario) {
        if (!app.alive()) {
            throw new IllegalStateException("the application is no longer running after " + scenario);
        }
    }
}
