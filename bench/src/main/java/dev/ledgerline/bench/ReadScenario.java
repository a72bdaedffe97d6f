package dev.ledgerline.bench;

import java.util.UUID;

/** R1: reading a page of 50 messages at 32 concurrent clients, against the liveness probe at the same concurrency. */
final class ReadScenario {

    static final int PAGE = 50;
    private static final int AT_LEAST = 60;

    private final Fixture f;

    ReadScenario(Fixture fixture) {
        this.f = fixture;
    }

    void r1() throws Exception {
        topUp();
        int clients = f.options.readClients();
        int writers = f.users.size();
        Load.Call page = client -> {
            String conversation = f.conversations.get(client % writers);
            Api.Answer answer = f.api.get("/api/conversations/" + conversation + "/messages?limit=" + PAGE,
                    f.users.get(client % writers).token()).expect(200, "read a page of messages");
            return answer.body().length() > PAGE * 300; // a full page, not an empty one
        };
        Load.Call liveness = client -> {
            f.api.get("/actuator/health/liveness", null).expect(200, "liveness");
            return true;
        };
        for (int i = 0; i < writers; i++) {
            int size = f.api.get("/api/conversations/" + f.conversations.get(i) + "/messages?limit=" + PAGE,
                    f.users.get(i).token()).expect(200, "read a page").json().get("data").size();
            if (size != PAGE) {
                throw new IllegalStateException("conversation " + f.conversations.get(i) + " shows " + size
                        + " messages, not " + PAGE);
            }
        }
        Load.closedLoop(clients, f.options.warmUp(), page);
        Load.closedLoop(clients, f.options.warmUp(), liveness);
        Runs app = new Runs("R1", "messages page");
        Runs baseline = new Runs("R1", "liveness");
        for (int pair = 0; pair < f.options.pairs(); pair++) {
            app.add(Load.closedLoop(clients, f.options.duration(), page));
            baseline.add(Load.closedLoop(clients, f.options.duration(), liveness));
        }
        f.requireAlive("R1");
        f.results.detail("R1", "clients", clients);
        f.results.detail("R1", "app", app.json());
        f.results.detail("R1", "baseline", baseline.json());
        f.results.add(new Figure("R1", "p50", "ms", app.p50(), baseline.p50(), Target.none()));
        f.results.add(new Figure("R1", "p99", "ms", app.p99(), baseline.p99(), Target.ratioAtMost(3)));
        f.results.add(new Figure("R1", "requests/s", "1/s", app.perSecond(), baseline.perSecond(), Target.none()));
        if (app.errors() + baseline.errors() > 0) {
            f.results.fail("R1", (app.errors() + baseline.errors()) + " requests failed (see the details)");
        }
    }

    /** Seeds messages into W1's conversations until each has at least 60 (in --quick W1 leaves fewer). */
    private void topUp() throws Exception {
        long seeded;
        try (Seeder seeder = new Seeder(f.database, f.chainKey)) {
            for (int i = 0; i < f.users.size(); i++) {
                Seeder.Stream stream = seeder.existing(f.conversations.get(i), f.users.get(i).id());
                while (stream.messageCount < AT_LEAST) {
                    seeder.append(stream, f.events.messagePosted(stream.id, stream.owner, UUID.randomUUID().toString(),
                            stream.messageCount + 1, "USER", Content.user(stream.nextSequence)));
                }
                seeder.commit();
            }
            seeded = seeder.appended();
        }
        if (seeded > 0) {
            Log.info("R1: seeded %d messages so that every conversation has at least %d", seeded, AT_LEAST);
            f.awaitProjections("R1", "with the top-up");
        }
        f.results.detail("R1", "seededMessages", seeded);
    }
}
