package dev.ledgerline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Assembles the modules into one application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerlineApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("projections")) {
            System.exit(projectionsCommand(args));
        }
        if (args.length > 0 && args[0].equals("cds-training")) {
            // the build's training start for the class-data-sharing archive (bootstrap/pom.xml): a whole start, then
            // a clean stop, which stops the embedded PostgreSQL too (the JVM writes the archive as it exits)
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            System.exit(SpringApplication.exit(SpringApplication.run(LedgerlineApplication.class, rest)));
        }
        SpringApplication.run(LedgerlineApplication.class, args);
    }

    /**
     * {@code projections status|rebuild <name>}: starts as a node on the configured database (HTTP on a free port, no
     * automatic rebuilds, quiet logs), runs the operations module's command and exits with its code.
     */
    private static int projectionsCommand(String[] args) {
        SpringApplication application = new SpringApplication(LedgerlineApplication.class);
        application.setLogStartupInfo(false);
        List<String> arguments = new ArrayList<>(List.of(args));
        // command-line arguments outrank application.yml and the environment
        arguments.addAll(List.of("--ledgerline.operations.command-line=true",
                "--ledgerline.operations.rebuild-on-version-change=false", "--server.port=0",
                "--logging.level.root=WARN", "--logging.level.dev.ledgerline=WARN"));
        return SpringApplication.exit(application.run(arguments.toArray(String[]::new)));
    }
}
