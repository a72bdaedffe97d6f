package dev.ledgerline.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A1: the audit export of one long conversation, read fully over HTTP, against a plain JDBC read of the same events
 * (payload and metadata in sequence order) with a Jackson parse of each payload.
 */
final class ExportScenario {

    private final Fixture f;

    ExportScenario(Fixture fixture) {
        this.f = fixture;
    }

    void a1() throws Exception {
        int events = f.options.a1Events();
        Api.User owner = f.users.get(0);
        String conversation = f.api.startConversation(owner, Fixture.LARGE_CAPACITY);
        f.api.postMessage(owner, conversation, Content.userMessage(0)).expect(201, "post a message");
        long seedStart = System.nanoTime();
        try (Seeder seeder = new Seeder(f.database, f.chainKey)) {
            Seeder.Stream stream = seeder.existing(conversation, owner.id());
            while (stream.nextSequence < events) {
                seeder.append(stream, f.events.messagePosted(conversation, owner.id(), UUID.randomUUID().toString(),
                        stream.messageCount + 1, "USER", Content.user(stream.nextSequence)));
            }
            seeder.commit();
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        Log.info("A1: seeded a conversation of %d events in %.1f s", events, seedSeconds);
        double catchUp = f.awaitProjections("A1", "with the seeded events");

        String path = "/api/audit/conversations/" + conversation;
        Duration timeout = Duration.ofMinutes(30);
        List<Double> export = new ArrayList<>();
        List<Double> jdbc = new ArrayList<>();
        for (int pair = 0; pair < f.options.pairs(); pair++) {
            long start = System.nanoTime();
            long lines = f.api.countLines(path + "/export", f.adminToken, timeout);
            export.add((System.nanoTime() - start) / 1e9);
            requireCount("export lines", lines, events);
            Log.info("A1 export run %d: %d lines in %.2f s", pair + 1, lines, export.get(pair));

            start = System.nanoTime();
            long rows = readAndParse(conversation);
            jdbc.add((System.nanoTime() - start) / 1e9);
            requireCount("JDBC rows", rows, events);
            Log.info("A1 JDBC run %d: %d events in %.2f s", pair + 1, rows, jdbc.get(pair));
        }
        long start = System.nanoTime();
        JsonNode verification = f.api.get(path + "/verify", f.adminToken).expect(200, "verify").json();
        double verifySeconds = (System.nanoTime() - start) / 1e9;
        if (!"intact".equals(verification.path("status").asText())
                || verification.path("eventsChecked").asLong() != events) {
            throw new IllegalStateException("the seeded conversation does not verify: " + verification
                    + " (the seeding does not write what the application writes)");
        }
        f.requireAlive("A1");
        f.results.detail("A1", "events", events);
        f.results.detail("A1", "seedSeconds", seedSeconds);
        f.results.detail("A1", "projectionCatchUpSeconds", catchUp);
        f.results.detail("A1", "verify", verification);
        f.results.detail("A1", "verifySeconds", verifySeconds);
        f.results.add(new Figure("A1", "export of " + events + " events", "s", export, jdbc,
                Target.ratioAtMost(2)));
    }

    private long readAndParse(String conversation) throws Exception {
        long count = 0;
        try (Connection connection = f.database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement read = connection.prepareStatement("SELECT payload, meta_data "
                    + "FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
                read.setFetchSize(1000);
                read.setString(1, conversation);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        JsonNode payload = Api.JSON.readTree(rows.getBytes(1));
                        byte[] metadata = rows.getBytes(2);
                        if (payload.isMissingNode() || metadata == null) {
                            throw new IllegalStateException("event without payload or metadata");
                        }
                        count++;
                    }
                }
            }
            connection.commit();
        }
        return count;
    }

    private static void requireCount(String what, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": " + actual + ", expected " + expected
                    + " (the seeding does not write what the application writes)");
        }
    }
}
