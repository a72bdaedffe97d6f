package dev.ledgerline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.util.FileSystemUtils;

/** Assembles the modules into one application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LedgerlineApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("projections")) {
            System.exit(projectionsCommand(args));
        }
        if (args.length > 0 && args[0].equals("cds-training")) {
            System.exit(cdsTraining(args));
        }
        SpringApplication.run(LedgerlineApplication.class, args);
    }

    /**
     * {@code cds-training}: the build's training start for the class-data-sharing archive (bootstrap/pom.xml). A whole
     * start on a throwaway embedded database in a new temporary directory, on free ports, whatever the environment
     * configures, then a clean stop, which stops that PostgreSQL too; the JVM writes the archive as it exits.
     */
    private static int cdsTraining(String[] args) {
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("ledgerline-cds-training-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> arguments = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
        // command-line arguments outrank application.yml and the environment
        arguments.addAll(List.of("--ledgerline.database.url=", "--ledgerline.database.data-dir=" + dataDir,
                "--ledgerline.database.embedded-port=0", "--ledgerline.database.embedded-fsync=false",
                "--server.port=0", "--ledgerline.identity.admin.username="));
        try {
            return SpringApplication.exit(SpringApplication.run(LedgerlineApplication.class,
                    arguments.toArray(String[]::new)));
        } catch (Throwable failed) {
            return 1; // Spring has logged why
        } finally {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
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
