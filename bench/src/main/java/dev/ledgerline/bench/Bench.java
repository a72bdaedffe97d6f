package dev.ledgerline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The benchmark run: starts the packaged application on a fresh data directory, runs the scenarios, prints the table
 * and writes the JSON. The application is stopped and its directory deleted at the end, also on failure or Ctrl-C.
 */
public final class Bench {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final Options options;
    private final Results results = new Results();
    private final Instant startedAt = Instant.now();
    private final String stamp = STAMP.format(startedAt);
    private final Path resultsDir;
    private final Path dataDir;
    private final App app;
    private final AtomicBoolean cleanedUp = new AtomicBoolean();
    private final byte[] chainKey = new byte[32];
    private final String runId;
    private final String adminPassword;
    private final List<String> launch;

    private Bench(Options options) throws IOException {
        this.options = options;
        SecureRandom random = new SecureRandom();
        random.nextBytes(chainKey);
        this.runId = hex(random, 3);
        this.adminPassword = "bench-admin-" + hex(random, 12);
        this.resultsDir = Files.createDirectories(options.root().resolve("bench").resolve("results"));
        this.launch = App.launch(options.root(), options.launch());
        this.dataDir = Files.createTempDirectory("ledgerline-bench-");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LEDGERLINE_ADMIN_USERNAME", "bench-admin");
        environment.put("LEDGERLINE_ADMIN_EMAIL", "bench-admin@bench.ledgerline.test");
        environment.put("LEDGERLINE_ADMIN_PASSWORD", adminPassword);
        environment.put("LEDGERLINE_AUDIT_CHAIN_KEY", Base64.getEncoder().encodeToString(chainKey));
        environment.put("LEDGERLINE_JWT_SECRET", "bench-jwt-" + hex(random, 24));
        // a full run lasts longer than the default 15 minutes of an access token; nothing else depends on it
        environment.put("LEDGERLINE_ACCESS_TOKEN_LIFETIME", "3h");
        this.app = new App(launch, dataDir, resultsDir.resolve(name("-app.log")), environment);
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = new Bench(Options.parse(args)).run();
        } catch (Options.UsageException e) {
            System.err.println(e.getMessage());
            exit = 2;
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    private int run() throws IOException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::cleanUp, "bench-cleanup"));
        Log.info("Ledgerline benchmark, %s run: %s; app log %s", options.mode(), options.only(),
                resultsDir.relativize(resultsDir.resolve(name("-app.log"))));
        Map<String, Object> machineBefore = Machine.facts(options.root());
        RssSampler rss = new RssSampler(app::pid);
        try {
            app.start();
            double ready = app.awaitReady(java.time.Duration.ofMinutes(3));
            Log.info("S1: ready %.1f s after the process started (fresh data directory)", ready);
            results.add(new Figure("S1", "start → ready, fresh data dir (initdb)", "s", List.of(ready), null,
                    Target.aim(10, "s")));
            rss.startSampling();
            Fixture fixture = new Fixture(options, results, app, rss, chainKey, runId);
            fixture.setUp("bench-admin", adminPassword);
            fixture.warmUpApp();
            scenarios(fixture);
            if (options.restart()) {
                restart(fixture);
            }
        } catch (Exception e) {
            Log.info("the run stopped: %s", e);
            e.printStackTrace();
            results.fail("run", e.toString());
        } finally {
            cleanUp();
        }
        Path json = write(machineBefore);
        System.out.println();
        System.out.print(results.table());
        List<String> failures = results.failures();
        System.out.println();
        System.out.println("Results: " + options.root().relativize(json) + " (" + options.mode() + " run, "
                + options.pairs() + " pairs, " + String.format("%.0f", elapsedSeconds()) + " s)");
        failures.forEach(failure -> System.out.println("FAILED " + failure));
        return failures.isEmpty() ? 0 : 1;
    }

    private void scenarios(Fixture fixture) {
        WriteScenarios writes = new WriteScenarios(fixture);
        double w1Throughput = Double.NaN;
        for (String id : options.only()) {
            Log.info("%s: starting", id);
            try {
                switch (id) {
                    case "W1" -> w1Throughput = writes.w1();
                    case "L1" -> new LagScenario(fixture).l1(w1Throughput);
                    case "R1" -> new ReadScenario(fixture).r1();
                    case "P1" -> new RebuildScenario(fixture).p1();
                    case "W2" -> writes.w2();
                    case "A1" -> new ExportScenario(fixture).a1();
                    default -> throw new IllegalArgumentException(id);
                }
            } catch (Exception e) {
                e.printStackTrace();
                results.fail(id, e.toString());
                if (!app.alive()) {
                    throw new IllegalStateException("the application died (see its log)", e);
                }
            }
        }
    }

    /** S1 again, on the data directory the run has filled. */
    private void restart(Fixture fixture) throws Exception {
        long events = fixture.database.eventCount();
        app.stop();
        app.start();
        double ready = app.awaitReady(java.time.Duration.ofMinutes(5));
        Log.info("S1: ready %.1f s after a restart on the existing data directory (%d events)", ready, events);
        results.detail("S1", "restartEventsInStore", events);
        results.add(new Figure("S1", "start → ready, restart on existing data dir", "s", List.of(ready), null,
                Target.aim(10, "s")));
    }

    private synchronized void cleanUp() {
        if (!cleanedUp.compareAndSet(false, true)) {
            return;
        }
        app.stop();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            Log.info("could not delete %s: %s", dataDir, e);
        }
    }

    private Path write(Map<String, Object> machineBefore) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", options.mode());
        json.put("command", String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("bench/run"),
                options.arguments().stream()).toList()));
        json.put("startedAt", startedAt.toString());
        json.put("finishedAt", Instant.now().toString());
        json.put("durationSeconds", elapsedSeconds());
        json.put("scenarios", options.only());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("pairs", options.pairs());
        settings.put("order", "A, B, A, B, … (A = application, B = baseline), after one warm-up of each");
        settings.put("loadSeconds", options.duration().toMillis() / 1000.0);
        settings.put("warmUpSeconds", options.warmUp().toMillis() / 1000.0);
        settings.put("appWarmUpSeconds", options.appWarmUp().toMillis() / 1000.0);
        settings.put("writeClients", options.writeClients());
        settings.put("readClients", options.readClients());
        settings.put("httpClient", options.httpClient().name().toLowerCase(java.util.Locale.ROOT));
        settings.put("w2EventsPerConversation", options.w2Events());
        settings.put("a1Events", options.a1Events());
        settings.put("p1StoreEvents", options.p1Events());
        settings.put("p1EventsPerConversation", options.p1EventsPerConversation());
        settings.put("appJvm", String.join(" ", java.util.stream.Stream.concat(
                java.util.stream.Stream.of(App.HEAP, "-XX:+ExitOnOutOfMemoryError"),
                Stream.concat(App.extraJvmOptions().stream(), launch.stream())).toList()));
        settings.put("appLaunch", options.launch().name().toLowerCase(java.util.Locale.ROOT));
        settings.put("database", "embedded PostgreSQL 17 (zonky), fsync on, synchronous_commit on");
        json.put("settings", settings);
        json.put("machine", machineBefore);
        json.put("loadAverageAtEnd", Machine.loadAverage());
        json.put("results", results.scenariosJson());
        json.put("failures", results.failures());
        Path file = resultsDir.resolve(name(".json"));
        Api.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
        return file;
    }

    private String name(String suffix) {
        String kind = options.quick() ? "-quick" : options.only().size() < Options.SCENARIOS.size() ? "-partial" : "";
        return stamp + kind + suffix;
    }

    private double elapsedSeconds() {
        return (System.currentTimeMillis() - startedAt.toEpochMilli()) / 1000.0;
    }
}
