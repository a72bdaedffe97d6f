package dev.ledgerline.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ledgerline.support.EndToEndTest;
import dev.ledgerline.support.Http;
import dev.ledgerline.support.TestUsers;
import dev.ledgerline.support.TestUsers.TestUser;
import dev.ledgerline.support.probe.AmendProbe;
import dev.ledgerline.support.probe.RecordProbe;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

@EndToEndTest
class ProjectionRebuildTest {

    /** Every projection's tables, each row as text, in key order. */
    private static final Map<String, String> TABLES = Map.of(
            "identity", "SELECT t::text FROM users t ORDER BY id; SELECT t::text FROM auth_sessions t ORDER BY id",
            "tasks", "SELECT t::text FROM tasks t ORDER BY id",
            "conversation", "SELECT t::text FROM conversations t ORDER BY id;"
                    + " SELECT t::text FROM messages t ORDER BY id",
            "audit-reads", "SELECT t::text FROM audit_reads t ORDER BY id",
            // only this class's probes: other tests tamper with stored probe events, whose replay then differs
            "probe-notes", "SELECT t::text FROM probe_notes t WHERE probe_id ~ '^(in-place|gated)-'"
                    + " ORDER BY probe_id, sequence");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Value("${ledgerline.operations.rebuild-batch-size}")
    int rebuildBatchSize;

    @Test
    void a_blue_green_rebuild_of_conversations_keeps_serving_reads_and_writes_and_ends_equal_to_a_replay()
            throws Exception {
        Http http = new Http(port);
        OperationsClient operations = new OperationsClient(http);
        TestUser talker = TestUsers.register(http, "rebuilt");
        String conversation = http.post("/api/conversations", Http.json("title", "under load"), talker.accessToken())
                .body().path("id").asText();
        for (int i = 0; i < 40; i++) {
            post(http, talker, conversation, i);
        }
        String deleted = http.post("/api/conversations", Http.json(), talker.accessToken()).body().path("id").asText();
        post(http, talker, deleted, 0);
        http.delete("/api/conversations/" + deleted, talker.accessToken());

        AtomicInteger confirmed = new AtomicInteger(40);
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch writing = new CountDownLatch(1);
        Thread writer = new Thread(() -> {
            for (int i = 40; running.get() && i < 180; i++) {
                Http.Response posted = post(http, talker, conversation, i);
                if (posted.status() != 201) {
                    failures.add("post: " + posted);
                }
                confirmed.incrementAndGet();
                writing.countDown();
            }
        });
        Thread reader = new Thread(() -> {
            while (running.get()) {
                int atLeast = confirmed.get();
                Http.Response page = http.get("/api/conversations/" + conversation + "/messages?limit=200",
                        talker.accessToken());
                Http.Response summary = http.get("/api/conversations/" + conversation, talker.accessToken());
                reads.incrementAndGet();
                if (page.status() != 200 || summary.status() != 200) {
                    failures.add("read: " + page + " / " + summary);
                } else if (page.body().path("data").size() < atLeast
                        || summary.body().path("messageCount").asInt() < atLeast) {
                    failures.add("partial read: " + page.body().path("data").size() + " messages, count "
                            + summary.body().path("messageCount").asInt() + ", expected at least " + atLeast);
                }
            }
        });
        writer.start();
        reader.start();
        writing.await();

        Http.Response started = operations.rebuild("conversation", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.header("Location")).startsWith("/api/admin/projections/conversation/rebuilds/");
        assertThat(started.body().path("mode").asText()).isEqualTo("blue-green");
        JsonNode done = operations.awaitCompleted(started.header("Location"));
        int postedDuringRebuild = confirmed.get();
        OperationsClient.pause(300);
        running.set(false);
        writer.join();
        reader.join();

        assertThat(failures).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(done.path("progressPercent").asDouble()).isEqualTo(100.0);
        assertThat(confirmed.get()).isGreaterThanOrEqualTo(postedDuringRebuild);
        assertThat(schemaExists("rebuild_conversation")).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name LIKE '%@rebuild'",
                Long.class)).isZero();
        assertThat(rebuildThreadsEnd()).as("threads of the finished rebuild's processor").isEmpty();
        operations.awaitCaughtUp("conversation");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM messages m JOIN conversations c"
                + " ON c.id = m.conversation_id WHERE c.id = ?::uuid", Long.class, conversation))
                .isEqualTo(confirmed.get());
        String afterBlueGreen = tables("conversation");

        operations.rebuildAndWait("conversation", "in-place");
        operations.awaitCaughtUp("conversation");
        assertThat(tables("conversation")).isEqualTo(afterBlueGreen);
    }

    /** The rebuild processors' threads still alive after up to 10 s (they end once the rebuild has completed). */
    private static List<String> rebuildThreadsEnd() throws InterruptedException {
        List<String> alive = List.of();
        for (int attempt = 0; attempt < 100; attempt++) {
            alive = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> name.contains("@rebuild-")).toList();
            if (alive.isEmpty()) {
                break;
            }
            Thread.sleep(100);
        }
        return alive;
    }

    @Test
    void an_in_place_rebuild_of_every_projection_gives_identical_tables() {
        Http http = new Http(port);
        OperationsClient operations = new OperationsClient(http);
        TestUser user = TestUsers.register(http, "inplace");
        http.post("/api/tasks", Http.json("title", "survive a rebuild"), user.accessToken());
        String conversation = http.post("/api/conversations", Http.json(), user.accessToken()).body().path("id")
                .asText();
        post(http, user, conversation, 1);
        commands.sendAndWait(new RecordProbe("in-place-" + UUID.randomUUID(), "kept"));

        for (String projection : List.of("tasks", "conversation", "audit-reads", "probe-notes", "identity")) {
            operations.awaitCaughtUp(projection);
        }
        Map<String, String> before = new LinkedHashMap<>();
        TABLES.keySet().forEach(projection -> before.put(projection, tables(projection)));
        for (String projection : List.of("tasks", "conversation", "audit-reads", "probe-notes", "identity")) {
            JsonNode done = operations.rebuildAndWait(projection, "in-place");
            assertThat(done.path("note").asText()).contains("partial data");
            for (String each : TABLES.keySet()) {
                operations.awaitCaughtUp(each);
            }
            TABLES.keySet().forEach(each -> assertThat(tables(each)).as(each + " after rebuilding " + projection)
                    .isEqualTo(before.get(each)));
        }
    }

    @Test
    void a_second_rebuild_while_one_runs_answers_409_and_side_effects_never_run_again() {
        Http http = new Http(port);
        OperationsClient operations = new OperationsClient(http);
        String probe = "gated-" + UUID.randomUUID();
        commands.sendAndWait(new RecordProbe(probe, "first"));
        commands.sendAndWait(new AmendProbe(probe, "second"));
        operations.awaitCaughtUp("probe-notes");
        assertThat(ProbeNotifier.sent(probe)).isEqualTo(2);
        String before = tables("probe-notes");

        ProbeNotesProjection.gatedProbe = null;
        ProbeNotesProjection.replayGate = new CountDownLatch(1);
        Http.Response started;
        try {
            started = operations.rebuild("probe-notes", null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            Http.Response second = operations.rebuild("probe-notes", "in-place");
            assertThat(second.status()).as(second.toString()).isEqualTo(409);
            assertThat(second.body().path("type").asText()).isEqualTo("https://ledgerline.dev/problems/rebuild-running");
            JsonNode status = operations.status("probe-notes");
            assertThat(status.path("state").asText()).isEqualTo("rebuilding");
            assertThat(status.path("rebuild").path("id").asText()).isEqualTo(started.body().path("id").asText());
            assertThat(status.path("rebuild").has("etaSeconds")).isTrue();
            assertThat(tables("probe-notes")).as("the live table is untouched meanwhile").isEqualTo(before);
        } finally {
            ProbeNotesProjection.replayGate.countDown();
        }
        JsonNode done = operations.awaitCompleted(started.header("Location"));
        assertThat(done.path("mode").asText()).isEqualTo("blue-green");
        operations.awaitCaughtUp("probe-notes");
        assertThat(tables("probe-notes")).isEqualTo(before);
        assertThat(ProbeNotifier.sent(probe)).as("side effects after the rebuild").isEqualTo(2);
        commands.sendAndWait(new AmendProbe(probe, "third"));
        operations.awaitCaughtUp("probe-notes");
        assertThat(ProbeNotifier.sent(probe)).as("a new event after the switch runs side effects").isEqualTo(3);
    }

    /**
     * PostgreSQL empties every unlogged table (the shadow tables and their marker) when it recovers from a crash, and
     * the node running the rebuild may live through that: the test does to the tables what recovery does, at a moment
     * when the shadow holds committed rows it will not write again. Switching then would drop those rows from the live
     * table.
     */
    @Test
    void a_rebuild_whose_shadow_tables_were_emptied_by_a_crash_starts_over_instead_of_switching_them_in()
            throws Exception {
        Http http = new Http(port);
        OperationsClient operations = new OperationsClient(http);
        String early = "in-place-early-" + UUID.randomUUID();
        String late = "in-place-late-" + UUID.randomUUID();
        commands.sendAndWait(new RecordProbe(early, "before the crash"));
        // more events of the early probe than a rebuild batch holds, so that whatever the segments, the batch with
        // the first of them commits before the replay reaches the gated late one
        for (int i = 1; i <= rebuildBatchSize; i++) {
            commands.sendAndWait(new AmendProbe(early, String.valueOf(i)));
        }
        commands.sendAndWait(new RecordProbe(late, "after the crash"));
        operations.awaitCaughtUp("probe-notes");
        String before = tables("probe-notes");

        ProbeNotesProjection.gatedProbe = late;
        ProbeNotesProjection.replayGate = new CountDownLatch(1);
        JsonNode done;
        try {
            Http.Response started = operations.rebuild("probe-notes", "blue-green");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            awaitShadowRow(early);
            // what recovery leaves: the committed rows gone (DELETE, not TRUNCATE, whose lock would wait for the
            // replay's open transaction, which waits at the gate)
            jdbc.update("DELETE FROM rebuild_probe_notes.probe_notes");
            jdbc.update("DELETE FROM rebuild_probe_notes.ledgerline_shadow_marker");
            ProbeNotesProjection.replayGate.countDown();
            done = operations.awaitCompleted(started.header("Location"));
        } finally {
            ProbeNotesProjection.replayGate.countDown();
            ProbeNotesProjection.gatedProbe = null;
        }
        assertThat(done.path("state").asText()).isEqualTo("completed");
        operations.awaitCaughtUp("probe-notes");
        assertThat(tables("probe-notes")).contains(early).isEqualTo(before);
    }

    @Test
    void a_rebuild_whose_node_died_before_preparing_its_shadow_is_taken_over_by_another_node_and_completed() {
        Http http = new Http(port);
        OperationsClient operations = new OperationsClient(http);
        String probe = "in-place-orphan-" + UUID.randomUUID();
        commands.sendAndWait(new RecordProbe(probe, "before its node died"));
        operations.awaitCaughtUp("probe-notes");
        String before = tables("probe-notes");

        // what a node leaves that died right after registering a blue-green rebuild: the row, running, with a
        // heartbeat far older than the take-over timeout, and no shadow schema
        UUID id = UUID.randomUUID();
        long head = jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM domain_event_entry", Long.class);
        int version = jdbc.queryForObject("SELECT version FROM projection_versions WHERE projection = 'probe-notes'",
                Integer.class);
        jdbc.update("DROP SCHEMA IF EXISTS rebuild_probe_notes CASCADE");
        jdbc.update("INSERT INTO projection_rebuilds (id, projection, mode, state, target_version, reason, node_id,"
                + " heartbeat_at, started_at, head_at_start, position, head) VALUES (?, 'probe-notes', 'blue-green',"
                + " 'running', ?, 'test: its node died', 'a-node-that-died', now() - interval '1 hour',"
                + " now() - interval '1 hour', ?, -1, ?)", id, version, head, head);

        JsonNode done = operations.awaitCompleted("/api/admin/projections/probe-notes/rebuilds/" + id);

        assertThat(done.path("node").asText()).isNotEqualTo("a-node-that-died").isNotBlank();
        assertThat(schemaExists("rebuild_probe_notes")).isFalse();
        operations.awaitCaughtUp("probe-notes");
        assertThat(tables("probe-notes")).contains(probe).isEqualTo(before);
    }

    private void awaitShadowRow(String probe) throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            Long rows = schemaExists("rebuild_probe_notes") ? jdbc.queryForObject(
                    "SELECT count(*) FROM rebuild_probe_notes.probe_notes WHERE probe_id = ?", Long.class, probe) : 0L;
            if (rows != null && rows > 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The shadow table never got the row of " + probe);
    }

    @Test
    void the_status_lists_every_projection_with_its_position_against_the_head() {
        Http http = new Http(port);
        OperationsClient operations = new OperationsClient(http);
        Http.Response all = http.get("/api/admin/projections", operations.token());
        assertThat(all.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        all.body().forEach(projection -> names.add(projection.path("name").asText()));
        assertThat(names).contains("identity", "tasks", "conversation", "audit-reads", "probe-notes");
        JsonNode tasks = operations.status("tasks");
        assertThat(tasks.path("processingGroup").asText()).isEqualTo("tasks-projection");
        assertThat(tasks.path("version").asInt()).isEqualTo(1);
        assertThat(tasks.path("head").asLong()).isGreaterThanOrEqualTo(tasks.path("position").asLong());
        assertThat(tasks.has("throughput")).isTrue();
        assertThat(http.get("/api/admin/projections", TestUsers.register(http).accessToken()).status())
                .isEqualTo(403);
        assertThat(http.get("/api/admin/projections/nope", operations.token()).status()).isEqualTo(404);
        assertThat(operations.rebuild("tasks", "sideways").status()).isEqualTo(400);
    }

    private static Http.Response post(Http http, TestUser user, String conversation, int i) {
        return http.post("/api/conversations/" + conversation + "/messages",
                Http.json("role", "user", "content", "message " + i), user.accessToken());
    }

    private boolean schemaExists(String schema) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = ?)", Boolean.class, schema));
    }

    private String tables(String projection) {
        StringBuilder rows = new StringBuilder();
        for (String query : TABLES.get(projection).split(";")) {
            rows.append(jdbc.queryForList(query.trim(), String.class)).append('\n');
        }
        return rows.toString();
    }
}
