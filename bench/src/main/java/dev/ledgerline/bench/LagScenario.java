package dev.ledgerline.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * L1: projection lag at half of W1's throughput. Probe triggers, installed only for this scenario, record the insert
 * time of each MessagePosted event row and of each message row, both with clock_timestamp() of the same database
 * server; the lag is the difference. Insert times, not commit times: each row becomes visible when its transaction
 * commits, a little later than it was inserted.
 */
final class LagScenario {

    private static final String[] INSTALL = {
        "CREATE SCHEMA IF NOT EXISTS bench",
        "CREATE TABLE IF NOT EXISTS bench.l1_event_appended (message_id uuid PRIMARY KEY, at timestamptz NOT NULL)",
        "CREATE TABLE IF NOT EXISTS bench.l1_message_inserted (message_id uuid PRIMARY KEY, at timestamptz NOT NULL)",
        """
        CREATE OR REPLACE FUNCTION bench.l1_event_appended() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO bench.l1_event_appended
            VALUES ((convert_from(NEW.payload, 'UTF8')::jsonb #>> '{messageId,value}')::uuid, clock_timestamp())
            ON CONFLICT DO NOTHING;
            RETURN NULL;
        END $$""",
        """
        CREATE OR REPLACE FUNCTION bench.l1_message_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO bench.l1_message_inserted VALUES (NEW.id, clock_timestamp()) ON CONFLICT DO NOTHING;
            RETURN NULL;
        END $$""",
        "CREATE TRIGGER bench_l1_event_appended AFTER INSERT ON public.domain_event_entry FOR EACH ROW "
            + "WHEN (NEW.payload_type = '" + EventFactory.MESSAGE_POSTED + "') "
            + "EXECUTE FUNCTION bench.l1_event_appended()",
        "CREATE TRIGGER bench_l1_message_inserted AFTER INSERT ON public.messages FOR EACH ROW "
            + "EXECUTE FUNCTION bench.l1_message_inserted()",
    };
    private static final String[] UNINSTALL = {
        "DROP TRIGGER IF EXISTS bench_l1_event_appended ON public.domain_event_entry",
        "DROP TRIGGER IF EXISTS bench_l1_message_inserted ON public.messages",
    };

    private final Fixture f;

    LagScenario(Fixture fixture) {
        this.f = fixture;
    }

    void l1(double w1Throughput) throws Exception {
        if (!(w1Throughput > 0)) {
            throw new IllegalStateException("L1 needs W1's throughput, which is " + w1Throughput);
        }
        double rate = f.options.l1Rate() > 0 ? f.options.l1Rate() : w1Throughput / 2;
        int clients = f.options.writeClients();
        Runs posts = new Runs("L1", "paced posts");
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Map<String, Object>> lags = new ArrayList<>();
        f.database.execute(UNINSTALL);
        f.database.execute(INSTALL);
        // W1 ends with a baseline run whose inserts leave the server a checkpoint's worth of dirty pages; flushed
        // during L1, they stalled commits (app and projection alike) for hundreds of milliseconds
        f.database.execute("CHECKPOINT");
        try {
            for (int run = 0; run < f.options.pairs(); run++) {
                f.database.execute("TRUNCATE bench.l1_event_appended, bench.l1_message_inserted");
                LoadResult result = posts.add(Load.paced(clients, rate, f.options.duration(),
                        f.post(f.conversations)));
                long[] lag = lagsMicros();
                if (lag.length != result.ok()) {
                    f.results.fail("L1", "run " + (run + 1) + ": " + result.ok() + " posts answered but " + lag.length
                            + " event/message pairs probed");
                }
                p50.add(Stats.percentile(lag, 0.50) / 1000);
                p99.add(Stats.percentile(lag, 0.99) / 1000);
                lags.add(Map.of("pairs", lag.length, "p50Millis", p50.get(run), "p99Millis", p99.get(run),
                        "maxMillis", Stats.percentile(lag, 1.0) / 1000));
                Log.info("L1 run %d: lag p50 %.1f ms, p99 %.1f ms over %d messages", run + 1, p50.get(run),
                        p99.get(run), lag.length);
            }
        } finally {
            f.database.execute(UNINSTALL);
        }
        f.requireAlive("L1");
        f.results.detail("L1", "targetRatePerSecond", rate);
        f.results.detail("L1", "clients", clients);
        f.results.detail("L1", "measuredAs", "insert time of the message row minus insert time of its MessagePosted "
                + "event row, both clock_timestamp() of the same PostgreSQL server (probe triggers)");
        f.results.detail("L1", "lag", lags);
        f.results.detail("L1", "posts", posts.json());
        f.results.add(new Figure("L1", "lag p50", "ms", p50, null, Target.none()));
        f.results.add(new Figure("L1", "lag p99", "ms", p99, null, Target.valueAtMost(100, "ms")));
        if (posts.errors() > 0) {
            f.results.fail("L1", posts.errors() + " posts failed (see the details)");
        }
    }

    private long[] lagsMicros() throws Exception {
        try (Connection connection = f.database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT (extract(epoch FROM m.at - e.at) * 1000000)::bigint "
                     + "FROM bench.l1_event_appended e JOIN bench.l1_message_inserted m USING (message_id)")) {
            long[] lags = new long[1024];
            int n = 0;
            while (rows.next()) {
                if (n == lags.length) {
                    lags = Arrays.copyOf(lags, n * 2);
                }
                lags[n++] = rows.getLong(1);
            }
            lags = Arrays.copyOf(lags, n);
            Arrays.sort(lags);
            return lags;
        }
    }
}
