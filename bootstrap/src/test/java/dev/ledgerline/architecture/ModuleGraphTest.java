package dev.ledgerline.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The poms and the README state the same module graph as the architecture test. */
class ModuleGraphTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern POM_DEPENDENCY = Pattern.compile("<artifactId>ledgerline-([a-z]+)</artifactId>");
    private static final Pattern README_EDGE = Pattern.compile("^\\| `([a-z]+)` \\| ([^|]*)\\|", Pattern.MULTILINE);

    @Test
    void every_module_pom_declares_exactly_the_permitted_module_dependencies() throws IOException {
        Map<String, Set<String>> declared = new TreeMap<>();
        for (String module : ModuleGraph.ALLOWED.keySet()) {
            String pom = Files.readString(ROOT.resolve("modules").resolve(module).resolve("pom.xml"));
            Set<String> dependencies = new TreeSet<>();
            Matcher matcher = POM_DEPENDENCY.matcher(pom);
            while (matcher.find()) {
                if (!matcher.group(1).equals(module) && !matcher.group(1).equals("modules")) {
                    dependencies.add(matcher.group(1));
                }
            }
            declared.put(module, dependencies);
        }

        assertThat(declared).isEqualTo(new TreeMap<>(ModuleGraph.ALLOWED));
    }

    @Test
    void the_readme_module_map_states_the_same_graph() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Map<String, Set<String>> stated = new TreeMap<>();
        Matcher matcher = README_EDGE.matcher(readme);
        while (matcher.find()) {
            if (!ModuleGraph.ALLOWED.containsKey(matcher.group(1))) {
                continue;
            }
            Set<String> dependencies = new TreeSet<>();
            Matcher names = Pattern.compile("`([a-z]+)`").matcher(matcher.group(2));
            while (names.find()) {
                dependencies.add(names.group(1));
            }
            stated.put(matcher.group(1), dependencies);
        }

        assertThat(stated).isEqualTo(new TreeMap<>(ModuleGraph.ALLOWED));
    }
}
