package dev.ledgerline.operations.api;

import java.util.List;
import java.util.Objects;

/**
 * What a rebuildable projection declares about itself, as a Spring bean: its name (used in URLs and on the command
 * line), its Axon processing group, the version of its read schema (bump it with every migration that changes the
 * tables, and the projection is rebuilt blue-green on the next start) and its tables, parents before children (the
 * order of their foreign keys).
 */
public record ProjectionDescriptor(String name, String processingGroup, int version, List<String> tables) {

    public ProjectionDescriptor {
        Objects.requireNonNull(name);
        Objects.requireNonNull(processingGroup);
        if (!name.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("A projection name is lower-case letters, digits and '-': " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("A projection version starts at 1: " + version);
        }
        tables = List.copyOf(tables);
        if (tables.isEmpty() || !tables.stream().allMatch(table -> table.matches("[a-z_][a-z0-9_]{0,62}"))) {
            throw new IllegalArgumentException("A projection names its tables (plain lower-case names): " + tables);
        }
    }
}
