package dev.ledgerline.bench;

import java.util.List;

/** W1 (posting, against plain JDBC) and W2 (posting into long conversations, against fresh ones). */
final class WriteScenarios {

    private final Fixture f;

    WriteScenarios(Fixture fixture) {
        this.f = fixture;
    }

    /** Returns the app's median throughput (messages/s), which L1 paces itself by. */
    double w1() throws Exception {
        int clients = f.options.writeClients();
        f.rss.open("W1");
        Runs app = new Runs("W1", "app");
        Runs baseline = new Runs("W1", "baseline");
        try (JdbcWriteBaseline jdbc = new JdbcWriteBaseline(f.database, f.events, clients)) {
            Load.closedLoop(clients, f.options.warmUp(), f.post(f.conversations));
            Load.closedLoop(clients, f.options.warmUp(), jdbc.post());
            for (int pair = 0; pair < f.options.pairs(); pair++) {
                // each run starts from a checkpoint, so that neither side pays for flushing the other's writes
                // (without it the app, run after 80,000 baseline transactions, posted half as fast as in W2)
                f.database.execute("CHECKPOINT");
                app.add(Load.closedLoop(clients, f.options.duration(), f.post(f.conversations)));
                f.database.execute("CHECKPOINT");
                baseline.add(Load.closedLoop(clients, f.options.duration(), jdbc.post()));
            }
        }
        double peak = f.rss.close("W1");
        f.requireAlive("W1");
        f.results.detail("W1", "clients", clients);
        f.results.detail("W1", "app", app.json());
        f.results.detail("W1", "baseline", baseline.json());
        f.results.add(new Figure("W1", "messages/s", "1/s", app.perSecond(), baseline.perSecond(),
                Target.ratioAtLeast(0.5)));
        f.results.add(new Figure("W1", "p50", "ms", app.p50(), baseline.p50(), Target.none()));
        f.results.add(new Figure("W1", "p99", "ms", app.p99(), baseline.p99(), Target.none()));
        f.peakMemory("W1", peak);
        requireNoErrors("W1", app, baseline);
        return Stats.median(app.perSecond());
    }

    void w2() throws Exception {
        int clients = f.options.writeClients();
        int events = f.options.w2Events();
        List<String> longOnes = f.startConversations();
        Load.once(clients, f.post(longOnes));
        long seedStart = System.nanoTime();
        long seeded = 0;
        try (Seeder seeder = new Seeder(f.database, f.chainKey)) {
            for (int i = 0; i < clients; i++) {
                Seeder.Stream stream = seeder.existing(longOnes.get(i), f.users.get(i).id());
                while (stream.nextSequence < events) {
                    seeder.append(stream, f.events.messagePosted(stream.id, stream.owner,
                            java.util.UUID.randomUUID().toString(), stream.messageCount + 1, "USER",
                            Content.user(stream.nextSequence)));
                }
                seeder.commit();
            }
            seeded = seeder.appended();
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        Log.info("W2: seeded %d events in %.1f s", seeded, seedSeconds);
        double catchUp = f.awaitProjections("W2", "with the seeded events");
        // the first post into each conversation sources all its events (no snapshot yet) and snapshots it
        LoadResult first = Load.once(clients, f.post(longOnes));
        Log.info("W2: first post into each long conversation: %s", first);

        Runs app = new Runs("W2", "app (long conversations)");
        Runs baseline = new Runs("W2", "baseline (fresh conversations)");
        for (int pair = 0; pair < f.options.pairs(); pair++) {
            app.add(Load.closedLoop(clients, f.options.duration(), f.post(longOnes)));
            List<String> fresh = f.startConversations();
            baseline.add(Load.closedLoop(clients, f.options.duration(), f.post(fresh)));
        }
        f.requireAlive("W2");
        f.results.detail("W2", "eventsPerConversation", events);
        f.results.detail("W2", "seededEvents", seeded);
        f.results.detail("W2", "seedSeconds", seedSeconds);
        f.results.detail("W2", "projectionCatchUpSeconds", catchUp);
        f.results.detail("W2", "firstPostWithoutSnapshot", first.json());
        f.results.detail("W2", "app", app.json());
        f.results.detail("W2", "baseline", baseline.json());
        f.results.add(new Figure("W2", "messages/s", "1/s", app.perSecond(), baseline.perSecond(),
                Target.ratioAtLeast(0.8)));
        f.results.add(new Figure("W2", "p50", "ms", app.p50(), baseline.p50(), Target.none()));
        f.results.add(new Figure("W2", "p99", "ms", app.p99(), baseline.p99(), Target.none()));
        requireNoErrors("W2", app, baseline);
        if (first.errors() > 0) {
            f.results.fail("W2", "the first post into a seeded conversation failed: " + first.firstError());
        }
    }

    private void requireNoErrors(String scenario, Runs app, Runs baseline) {
        if (app.errors() + baseline.errors() > 0) {
            f.results.fail(scenario, (app.errors() + baseline.errors()) + " requests failed (see the details)");
        }
    }
}
