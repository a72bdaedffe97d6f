package dev.ledgerline.operations.projections;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar ledgerline.jar projections status} and {@code projections rebuild <name> [--mode=in-place]}: the
 * application starts as one more node on the configured database, does the one thing and exits. A rebuild is run by
 * this process (or, when another node runs one already, followed) with a progress bar until it completes.
 */
@Component
@ConditionalOnProperty(name = "ledgerline.operations.command-line", havingValue = "true")
class ProjectionsCommand implements ApplicationRunner, ExitCodeGenerator {

    private final Projections projections;
    private final ProjectionMonitor monitor;
    private final Rebuilder rebuilder;
    private final RebuildTable rebuilds;
    private final PrintStream out = System.out;
    private int exitCode;

    ProjectionsCommand(Projections projections, ProjectionMonitor monitor, Rebuilder rebuilder,
                       RebuildTable rebuilds) {
        this.projections = projections;
        this.monitor = monitor;
        this.rebuilder = rebuilder;
        this.rebuilds = rebuilds;
    }

    @Override
    public void run(ApplicationArguments arguments) throws InterruptedException {
        List<String> words = arguments.getNonOptionArgs();
        if (words.size() == 2 && words.get(1).equals("status")) {
            status();
        } else if (words.size() == 3 && words.get(1).equals("rebuild")) {
            List<String> modes = arguments.getOptionValues("mode");
            rebuild(words.get(2), modes == null || modes.isEmpty() ? RebuildRecord.BLUE_GREEN : modes.get(0));
        } else {
            usage();
        }
    }

    private void status() {
        out.printf(Locale.ROOT, "%-14s %-11s %10s %10s %8s %9s %7s %8s  %s%n", "PROJECTION", "STATE", "POSITION",
                "HEAD", "LAG", "EVENTS/S", "DEAD", "VERSION", "REBUILD");
        for (ProjectionStatus status : monitor.statuses()) {
            RebuildView rebuild = status.rebuild();
            out.printf(Locale.ROOT, "%-14s %-11s %10d %10d %8d %9.1f %7d %8s  %s%n", status.name(), status.state(),
                    status.position(), status.head(), status.lag(), status.throughput(), status.deadLetters(),
                    status.version() + (status.storedVersion() == null ? "" : "/" + status.storedVersion()),
                    rebuild == null ? "-" : rebuild.mode() + " " + rebuild.state() + " " + rebuild.progressPercent()
                            + "%");
        }
    }

    private void rebuild(String name, String mode) throws InterruptedException {
        Optional<ProjectionDescriptor> projection = projections.find(name);
        if (projection.isEmpty()) {
            out.println("No projection named " + name + "; there are: "
                    + projections.all().stream().map(ProjectionDescriptor::name).toList());
            exitCode = 2;
            return;
        }
        RebuildRecord record;
        try {
            record = rebuilder.start(projection.get(), mode, "command line");
        } catch (RebuildAlreadyRunning running) {
            record = rebuilds.active(name).orElseThrow();
            out.println("A rebuild of " + name + " runs already on " + record.nodeId() + "; following it.");
        }
        if (RebuildRecord.IN_PLACE.equals(mode)) {
            out.println(RebuildView.IN_PLACE_NOTE);
        }
        while (true) {
            RebuildView view = RebuildView.of(rebuilds.find(record.id()).orElseThrow(), Instant.now());
            out.print("\r" + ProgressBar.render(view));
            out.flush();
            if (!view.state().equals("running") && !view.state().equals("switching")) {
                out.println();
                if (!view.state().equals("completed")) {
                    out.println("Rebuild " + view.state() + ": " + view.error());
                    exitCode = 1;
                }
                return;
            }
            Thread.sleep(250);
        }
    }

    private void usage() {
        out.println("usage: java -jar ledgerline.jar projections status");
        out.println("       java -jar ledgerline.jar projections rebuild <name> [--mode=blue-green|in-place]");
        exitCode = 2;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
