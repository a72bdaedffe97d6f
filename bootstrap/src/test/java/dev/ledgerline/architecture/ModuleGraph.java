package dev.ledgerline.architecture;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The module dependency graph. The module poms, {@link ArchitectureTest} and the README's module map must all state
 * exactly this; {@link ModuleGraphTest} checks the poms and the README against it.
 */
final class ModuleGraph {

    static final Map<String, Set<String>> ALLOWED = Map.of(
            "identity", Set.of("operations"),
            "tasks", Set.of("identity", "operations"),
            "conversation", Set.of("identity", "operations"),
            "audit", Set.of("identity", "conversation", "operations"),
            "operations", Set.of());

    /** The packages of a module that other modules may use. Everything else is the module's own business. */
    static final List<String> PUBLIC_PACKAGES = List.of("commands", "events", "queries", "api");

    static final String BASE = "dev.ledgerline";

    private ModuleGraph() {
    }
}
