package dev.ledgerline.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * P1: a blue-green rebuild of the conversation projection over a store of (by default) a million events, against a
 * plain JDBC sequential read of every event in global order. The store is first filled with realistic
 * conversations of the bench users: user and assistant messages, every fifth assistant message with a tool call and
 * its result.
 */
final class RebuildScenario {

    private final Fixture f;

    RebuildScenario(Fixture fixture) {
        this.f = fixture;
    }

    void p1() throws Exception {
        f.rss.open("P1");
        long before = f.database.eventCount();
        long toSeed = Math.max(0, f.options.p1Events() - before);
        long seedStart = System.nanoTime();
        long conversations = seed(toSeed);
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        Log.info("P1: seeded %d events (%d conversations) in %.1f s: %.0f events/s", toSeed, conversations,
                seedSeconds, toSeed / seedSeconds);
        double catchUp = f.awaitProjections("P1", "with " + toSeed + " seeded events");

        List<Double> rebuild = new ArrayList<>();
        List<Double> read = new ArrayList<>();
        List<Map<String, Object>> rebuilds = new ArrayList<>();
        List<Long> storeSizes = new ArrayList<>();
        for (int pair = 0; pair < f.options.pairs(); pair++) {
            long stored = f.database.eventCount();
            storeSizes.add(stored);
            long start = System.nanoTime();
            JsonNode finished = rebuildAndWait(stored);
            double seconds = (System.nanoTime() - start) / 1e9;
            rebuild.add(stored / seconds);
            rebuilds.add(Map.of("events", stored, "seconds", seconds, "server", finished));
            Log.info("P1 rebuild run %d: %d events in %.1f s: %.0f events/s", pair + 1, stored, seconds,
                    stored / seconds);

            start = System.nanoTime();
            long rows = readAll();
            seconds = (System.nanoTime() - start) / 1e9;
            read.add(rows / seconds);
            Log.info("P1 JDBC read run %d: %d events in %.1f s: %.0f events/s", pair + 1, rows, seconds,
                    rows / seconds);
        }
        double peak = f.rss.close("P1");
        f.requireAlive("P1");
        f.results.detail("P1", "eventsBeforeSeeding", before);
        f.results.detail("P1", "seededEvents", toSeed);
        f.results.detail("P1", "seededConversations", conversations);
        f.results.detail("P1", "seedSeconds", seedSeconds);
        f.results.detail("P1", "projectionCatchUpSeconds", catchUp);
        f.results.detail("P1", "eventsInStore", storeSizes);
        f.results.detail("P1", "rebuilds", rebuilds);
        f.results.add(new Figure("P1", "live projections catch up on " + toSeed + " seeded events", "s",
                List.of(catchUp), null, Target.none()));
        f.results.add(new Figure("P1", "blue-green rebuild of " + storeSizes.get(0) + " events", "events/s", rebuild,
                read, Target.ratioAtLeast(0.15)));
        f.peakMemory("P1", peak);
    }

    private long seed(long events) throws Exception {
        long conversations = 0;
        long left = events;
        int perConversation = f.options.p1EventsPerConversation();
        try (Seeder seeder = new Seeder(f.database, f.chainKey)) {
            while (left > 0) {
                Api.User owner = f.users.get((int) (conversations++ % f.users.size()));
                Seeder.Stream stream = Seeder.newStream(UUID.randomUUID().toString(), owner.id());
                long size = Math.min(left, perConversation);
                seeder.append(stream, f.events.conversationStarted(stream.id, owner.id(), Fixture.LARGE_CAPACITY));
                for (long turn = 0; stream.nextSequence < size; turn++) {
                    conversationTurn(seeder, stream, turn, size);
                }
                left -= stream.nextSequence;
            }
            seeder.commit();
        }
        return conversations;
    }

    /** A user message, then the assistant's answer; every fifth answer calls a tool and gets its result. */
    private void conversationTurn(Seeder seeder, Seeder.Stream stream, long turn, long size) throws Exception {
        seeder.append(stream, f.events.messagePosted(stream.id, stream.owner, UUID.randomUUID().toString(),
                stream.messageCount + 1, "USER", Content.user(turn)));
        if (stream.nextSequence >= size) {
            return;
        }
        String answer = UUID.randomUUID().toString();
        seeder.append(stream, f.events.messagePosted(stream.id, stream.owner, answer, stream.messageCount + 1,
                "ASSISTANT", Content.assistant(turn)));
        if (turn % 5 == 4 && stream.nextSequence + 2 <= size) {
            String callId = "call-" + turn;
            seeder.append(stream, f.events.toolCallRecorded(stream.id, stream.owner, answer, callId));
            seeder.append(stream, f.events.toolResultRecorded(stream.id, stream.owner, answer, callId));
        }
    }

    private JsonNode rebuildAndWait(long events) throws Exception {
        JsonNode rebuild = f.api.post("/api/admin/projections/conversation/rebuild", f.adminToken)
                .expect(202, "start a rebuild").json();
        String path = "/api/admin/projections/conversation/rebuilds/" + rebuild.get("id").asText();
        long deadline = System.nanoTime() + Math.max(600, events / 200) * 1_000_000_000L;
        long nextLog = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode status = f.api.get(path, f.adminToken).expect(200, "rebuild status").json();
            String state = status.path("state").asText();
            if (state.equals("completed")) {
                return status;
            }
            if (state.equals("failed")) {
                throw new IllegalStateException("the rebuild failed: " + status);
            }
            if (System.nanoTime() > nextLog) {
                Log.info("P1: rebuild %s %.1f%% at %s events/s", state, status.path("progressPercent").asDouble(),
                        status.path("eventsPerSecond").asText());
                nextLog += 30_000_000_000L;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the rebuild did not complete in time");
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static int length(byte[] value) {
        return value == null ? 0 : value.length;
    }

    /** Every column of every event in global order, as a sequential reader would fetch them. */
    private long readAll() throws Exception {
        long rows = 0;
        try (Connection connection = f.database.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.setFetchSize(1000);
                try (ResultSet events = statement.executeQuery("SELECT global_index, type, aggregate_identifier, "
                        + "sequence_number, event_identifier, time_stamp, payload_type, payload_revision, payload, "
                        + "meta_data FROM domain_event_entry ORDER BY global_index")) {
                    long bytes = 0;
                    while (events.next()) {
                        events.getLong(1);
                        events.getLong(4);
                        for (int text : new int[] {2, 3, 5, 6, 7, 8}) {
                            bytes += length(events.getString(text));
                        }
                        bytes += length(events.getBytes(9)) + length(events.getBytes(10));
                        rows++;
                    }
                    if (bytes == 0) {
                        throw new IllegalStateException("nothing read");
                    }
                }
            }
            connection.commit();
        }
        return rows;
    }
}
