package dev.ledgerline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void a_quick_run_is_brief_and_keeps_every_scenario() {
        Options quick = Options.parse(new String[] {"--quick"});

        assertThat(quick.pairs()).isEqualTo(2);
        assertThat(quick.duration()).isEqualTo(Duration.ofSeconds(2));
        assertThat(quick.only()).containsExactlyElementsOf(Options.SCENARIOS);
    }

    @Test
    void lag_needs_the_write_throughput_so_it_brings_w1_along_in_run_order() {
        Options options = Options.parse(new String[] {"--only", "r1,L1"});

        assertThat(options.only()).containsExactly("W1", "L1", "R1");
    }

    @Test
    void lag_is_paced_at_half_of_w1_unless_a_rate_is_given() {
        assertThat(Options.parse(new String[] {"--only", "L1"}).l1Rate()).isZero();
        assertThat(Options.parse(new String[] {"--only", "L1", "--l1-rate", "210"}).l1Rate()).isEqualTo(210);
        assertThatThrownBy(() -> Options.parse(new String[] {"--l1-rate", "0"}))
                .isInstanceOf(Options.UsageException.class);
    }

    @Test
    void the_arguments_are_kept_as_given_without_the_root_the_script_adds() {
        Options options = Options.parse(new String[] {"--root", "/tmp", "--only", "A1", "--a1-events", "1000"});

        assertThat(options.arguments()).containsExactly("--only", "A1", "--a1-events", "1000");
    }

    @Test
    void the_app_is_started_as_the_readme_says_unless_the_plain_jar_is_asked_for() {
        assertThat(Options.parse(new String[] {"--quick"}).launch()).isEqualTo(Options.Launch.CDS);
        assertThat(Options.parse(new String[] {"--launch", "JAR"}).launch()).isEqualTo(Options.Launch.JAR);
        assertThatThrownBy(() -> Options.parse(new String[] {"--launch", "aot"}))
                .isInstanceOf(Options.UsageException.class);
    }

    @Test
    void a_launch_needs_its_files_and_requires_the_archive_it_names(@TempDir Path root) throws IOException {
        Path app = Files.createDirectories(root.resolve("bootstrap/target/app"));
        Files.writeString(app.resolve("ledgerline.jar"), "");

        assertThatThrownBy(() -> App.launch(root, Options.Launch.CDS))
                .isInstanceOf(Options.UsageException.class).hasMessageContaining("ledgerline.jsa");
        assertThatThrownBy(() -> App.launch(root, Options.Launch.JAR))
                .isInstanceOf(Options.UsageException.class).hasMessageContaining("target/ledgerline.jar");

        Files.writeString(app.resolve("ledgerline.jsa"), "");
        assertThat(App.launch(root, Options.Launch.CDS)).containsExactly("-Xshare:on",
                "-XX:SharedArchiveFile=" + app.resolve("ledgerline.jsa"), "-jar", app.resolve("ledgerline.jar").toString());
    }

    @Test
    void an_unknown_scenario_is_refused() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--only", "X9"}))
                .isInstanceOf(Options.UsageException.class);
    }
}
