package dev.ledgerline.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application in a child JVM with {@code -Xmx512m} on the embedded default (fsync on) in a data
 * directory of its own, on free ports. Stopping it also stops a PostgreSQL it may have left behind.
 */
final class App {

    static final String HEAP = "-Xmx512m";

    private final List<String> launch;
    private final Path dataDir;
    private final Path log;
    private final Map<String, String> environment;
    private final int httpPort;
    private final int dbPort;
    private Process process;
    private long startedNanos;

    /** {@code launch}: what follows the heap options, e.g. {@code -jar path/to/ledgerline.jar}. */
    App(List<String> launch, Path dataDir, Path log, Map<String, String> environment) throws IOException {
        this.launch = List.copyOf(launch);
        this.dataDir = dataDir;
        this.log = log;
        this.environment = Map.copyOf(environment);
        int[] ports = freePorts();
        this.httpPort = ports[0];
        this.dbPort = ports[1];
    }

    synchronized void start() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), HEAP, "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(extraJvmOptions());
        command.addAll(launch);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        // nothing from the caller's shell may point the app elsewhere (an external database, another data dir)
        env.keySet().removeIf(name -> name.startsWith("LEDGERLINE_") || name.startsWith("DATABASE_")
                || name.equals("PORT") || name.startsWith("SPRING_") || name.startsWith("JAVA_TOOL_OPTIONS"));
        env.putAll(environment);
        env.put("LEDGERLINE_DATA_DIR", dataDir.toString());
        env.put("PORT", Integer.toString(httpPort));
        env.put("LEDGERLINE_EMBEDDED_DB_PORT", Integer.toString(dbPort));
        startedNanos = System.nanoTime();
        process = builder.start();
    }

    /**
     * The command line after the heap options for a launch, from the repository root. The archive is required
     * ({@code -Xshare:on}), so that a run never measures a start that silently went without it.
     */
    static List<String> launch(Path root, Options.Launch launch) {
        Path target = root.resolve("bootstrap").resolve("target");
        Path extracted = target.resolve("app");
        List<Path> needed = launch == Options.Launch.CDS
                ? List.of(extracted.resolve("ledgerline.jar"), extracted.resolve("ledgerline.jsa"))
                : List.of(target.resolve("ledgerline.jar"));
        for (Path file : needed) {
            if (!Files.isRegularFile(file)) {
                throw new Options.UsageException(file + " does not exist: build it (bench/run does; the archive is"
                        + " left out with -Dledgerline.cds.skip=true)");
            }
        }
        return launch == Options.Launch.CDS
                ? List.of("-Xshare:on", "-XX:SharedArchiveFile=" + needed.get(1), "-jar", needed.get(0).toString())
                : List.of("-jar", needed.get(0).toString());
    }

    /** BENCH_APP_JAVA_OPTS, e.g. a flight recording while profiling; never part of a reported run's defaults. */
    static List<String> extraJvmOptions() {
        String options = System.getenv("BENCH_APP_JAVA_OPTS");
        return options == null || options.isBlank() ? List.of() : List.of(options.trim().split("\\s+"));
    }

    /** Seconds from process start until readiness answers 200. */
    double awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest readiness = HttpRequest.newBuilder(baseUri().resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + " (see " + log
                        + ")");
            }
            try {
                if (client.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notListeningYet) {
                // the port opens late in the start
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the application was not ready within " + timeout + " (see " + log + ")");
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + httpPort);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + dbPort + "/ledgerline";
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** Graceful stop (SIGTERM), forced after a minute; then any PostgreSQL still running on the data directory. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmaster();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                Log.info("the application did not stop within 60 s; killing it");
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            Optional<ProcessHandle> leftover = postmaster.filter(ProcessHandle::isAlive).or(this::postmaster);
            if (leftover.isPresent()) {
                Log.info("stopping PostgreSQL (pid %d) left running by the application", leftover.get().pid());
                leftover.get().destroy();
                leftover.get().onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            Log.info("could not stop the application cleanly: %s", e);
        }
        process = null;
    }

    private Optional<ProcessHandle> postmaster() {
        Path pidFile = dataDir.resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int[] freePorts() throws IOException {
        try (ServerSocket http = new ServerSocket(0); ServerSocket db = new ServerSocket(0)) {
            return new int[] {http.getLocalPort(), db.getLocalPort()};
        }
    }
}
