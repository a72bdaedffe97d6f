package dev.ledgerline.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a run measures and how much of it. Every count has a full and a quick default; flags override both.
 * {@code --only} names scenarios; the ones they need are added (L1 needs W1's throughput).
 */
record Options(
        boolean quick,
        Path root,
        Set<String> only,
        int pairs,
        Duration duration,
        Duration warmUp,
        Duration appWarmUp,
        int writeClients,
        int readClients,
        int w2Events,
        int a1Events,
        int p1Events,
        int p1EventsPerConversation,
        int l1Rate,
        boolean restart,
        Api.Client httpClient,
        Launch launch,
        List<String> arguments) {

    /** How the app is started: the README's command (the extracted jar with its class-data-sharing archive) or the
     * plain {@code java -jar} of the fat jar, which every run before the tenth session measured. */
    enum Launch { CDS, JAR }

    static final List<String> SCENARIOS = List.of("W1", "L1", "R1", "P1", "W2", "A1");

    static Options parse(String[] args) {
        boolean quick = Arrays.asList(args).contains("--quick");
        Path root = Path.of(".").toAbsolutePath().normalize();
        Set<String> only = new LinkedHashSet<>(SCENARIOS);
        int pairs = quick ? 2 : 3;
        Duration duration = Duration.ofSeconds(quick ? 2 : 20);
        Duration warmUp = Duration.ofSeconds(quick ? 1 : 5);
        Duration appWarmUp = Duration.ofSeconds(quick ? 2 : 360);
        int w2Events = quick ? 1_000 : 10_000;
        int a1Events = quick ? 5_000 : 100_000;
        int p1Events = quick ? 20_000 : 1_000_000;
        int perConversation = quick ? 500 : 1_000;
        int l1Rate = 0;
        boolean restart = !quick;
        Api.Client httpClient = Api.Client.WIRE;
        Launch launch = Launch.CDS;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> { }
                case "--no-restart" -> restart = false;
                case "--restart" -> restart = true;
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--only" -> only = only(args[++i]);
                case "--pairs" -> pairs = positive(arg, args[++i]);
                case "--duration" -> duration = Duration.ofMillis(Math.round(1000 * Double.parseDouble(args[++i])));
                case "--warm-up" -> warmUp = Duration.ofMillis(Math.round(1000 * Double.parseDouble(args[++i])));
                case "--app-warm-up" -> appWarmUp = Duration.ofMillis(Math.round(1000 * Double.parseDouble(args[++i])));
                case "--w2-events" -> w2Events = positive(arg, args[++i]);
                case "--a1-events" -> a1Events = positive(arg, args[++i]);
                case "--p1-events" -> p1Events = positive(arg, args[++i]);
                case "--p1-events-per-conversation" -> perConversation = positive(arg, args[++i]);
                case "--l1-rate" -> l1Rate = positive(arg, args[++i]);
                case "--http-client" -> httpClient = httpClient(args[++i]);
                case "--launch" -> launch = launch(args[++i]);
                case "-h", "--help" -> throw new UsageException(usage());
                default -> throw new UsageException("unknown option " + arg + "\n" + usage());
            }
        }
        if (w2Events < 3 || a1Events < 3) {
            throw new UsageException("--w2-events and --a1-events must be at least 3");
        }
        return new Options(quick, root, only, pairs, duration, warmUp, appWarmUp, 16, 32, w2Events, a1Events, p1Events,
                perConversation, l1Rate, restart, httpClient, launch, shown(args));
    }

    boolean runs(String scenario) {
        return only.contains(scenario);
    }

    String mode() {
        return quick ? "quick" : "full";
    }

    /** The arguments as the user gave them to bench/run (which adds --root). */
    private static List<String> shown(String[] args) {
        List<String> shown = new java.util.ArrayList<>(Arrays.asList(args));
        int root = shown.indexOf("--root");
        if (root >= 0 && root + 1 < shown.size()) {
            shown.subList(root, root + 2).clear();
        }
        return List.copyOf(shown);
    }

    private static Set<String> only(String list) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String id : list.toUpperCase(Locale.ROOT).split(",")) {
            String trimmed = id.trim();
            if (trimmed.equals("S1") || trimmed.equals("M1")) {
                continue; // always measured: every run starts the app; M1 is sampled during W1 and P1
            }
            if (!SCENARIOS.contains(trimmed)) {
                throw new UsageException("unknown scenario " + trimmed + " (known: S1, M1, " + SCENARIOS + ")");
            }
            chosen.add(trimmed);
        }
        if (chosen.contains("L1")) {
            chosen.add("W1");
        }
        Set<String> ordered = new LinkedHashSet<>();
        SCENARIOS.stream().filter(chosen::contains).forEach(ordered::add);
        return ordered;
    }

    private static Api.Client httpClient(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "wire" -> Api.Client.WIRE;
            case "jdk" -> Api.Client.JDK;
            default -> throw new UsageException("--http-client is wire or jdk, not " + name);
        };
    }

    private static Launch launch(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "cds" -> Launch.CDS;
            case "jar" -> Launch.JAR;
            default -> throw new UsageException("--launch is cds or jar, not " + name);
        };
    }

    private static int positive(String flag, String value) {
        int parsed = Integer.parseInt(value.replace("_", ""));
        if (parsed <= 0) {
            throw new UsageException(flag + " must be positive");
        }
        return parsed;
    }

    static String usage() {
        return """
                usage: bench/run [--quick] [--only W1,L1,R1,P1,W2,A1] [--pairs N] [--duration SECONDS]
                                 [--warm-up SECONDS] [--app-warm-up SECONDS] [--w2-events N] [--a1-events N] [--p1-events N]
                                 [--p1-events-per-conversation N] [--l1-rate N] [--restart | --no-restart]
                                 [--http-client wire|jdk] [--launch cds|jar]
                  --quick        every scenario briefly (CI): proves each figure is produced, asserts no speed
                  --only         run only these scenarios (L1 adds W1; S1 and M1 are always reported)
                  --pairs        A/B repetitions (default 3, quick 2)
                  --duration     seconds per load run of W1, W2, R1, L1 (default 20, quick 2)
                  --warm-up      an unrecorded run of each side before W1's and R1's pairs (default 5, quick 1)
                  --app-warm-up  posts and page reads before the first scenario, so that the JIT has compiled
                                 the app's request paths (default 360, quick 2)
                  --w2-events    events already in each W2 conversation (default 10000, quick 1000)
                  --a1-events    events of the exported conversation (default 100000, quick 5000)
                  --p1-events    events in the store when P1 rebuilds (default 1000000, quick 20000)
                  --l1-rate      L1's posts per second (default: half of W1's app throughput in the same run)
                  --restart      start the app a second time on the filled data directory at the end (S1);
                                 the default in full runs, --no-restart skips it
                  --http-client  wire (default): a minimal HTTP/1.1 client on pooled sockets; jdk: the JDK's
                                 HttpClient, which takes more of the CPU the app shares with the harness
                  --launch       cds (default): the README's command, the extracted jar with its class-data-sharing
                                 archive (bootstrap/target/app); jar: java -jar bootstrap/target/ledgerline.jar
                """;
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
