package dev.ledgerline.operations.projections;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ledgerline.operations.api.ProjectionDescriptor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shadow copy of a projection's tables that a blue-green rebuild writes, in its own schema, and the merge that
 * makes it live. Merging (instead of renaming tables) keeps the live tables themselves: their foreign keys, the
 * foreign keys of other projections' tables that point at them and their cascades, their indexes and grants.
 */
@Component
class ShadowSchema {

    /** A one-row unlogged table beside the shadow tables; empty after a crash emptied them. */
    static final String MARKER = "ledgerline_shadow_marker";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    ShadowSchema(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    static String name(ProjectionDescriptor projection) {
        return "rebuild_" + projection.name().replace('-', '_');
    }

    /**
     * Empty tables like the live ones, with the same defaults, checks, keys and indexes. Foreign keys are copied too:
     * between the projection's own tables they point at the shadow tables, to other tables at the live ones.
     * <p>
     * The tables are unlogged: writing them skips the write-ahead log, which was a large part of PostgreSQL's work in
     * a rebuild. Their rows reach the live (logged) tables in the switch-over's transaction, so nothing durable depends
     * on them. After a PostgreSQL crash, unlogged tables come back empty while the rebuild's tokens survive: the
     * {@value #MARKER} table's row, written with the tables, tells {@link #intact} whether they were kept.
     */
    void create(ProjectionDescriptor projection) {
        String schema = name(projection);
        transaction.executeWithoutResult(status -> {
            jdbc.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            jdbc.execute("CREATE SCHEMA " + schema);
            for (String table : projection.tables()) {
                jdbc.execute("CREATE UNLOGGED TABLE " + schema + "." + table + " (LIKE public." + table
                        + " INCLUDING ALL)");
            }
            jdbc.execute("CREATE UNLOGGED TABLE " + schema + "." + MARKER + " (created_at timestamptz NOT NULL)");
            jdbc.execute("INSERT INTO " + schema + "." + MARKER + " VALUES (now())");
            // schema-qualified definitions: with only pg_catalog on the path, every referenced table is qualified
            // (the caller's path comes back below: this may run inside a larger transaction)
            String searchPath = jdbc.queryForObject("SELECT current_setting('search_path')", String.class);
            jdbc.execute("SET LOCAL search_path TO pg_catalog");
            List<String> foreignKeys = new ArrayList<>();
            for (String table : projection.tables()) {
                for (Map<String, Object> key : jdbc.queryForList("SELECT conname, pg_get_constraintdef(oid) AS def"
                        + " FROM pg_constraint WHERE contype = 'f' AND conrelid = ?::regclass ORDER BY conname",
                        "public." + table)) {
                    String definition = (String) key.get("def");
                    for (String own : projection.tables()) {
                        definition = definition.replace("REFERENCES public." + own + "(",
                                "REFERENCES " + schema + "." + own + "(");
                    }
                    foreignKeys.add("ALTER TABLE " + schema + "." + table + " ADD CONSTRAINT " + key.get("conname")
                            + " " + definition);
                }
            }
            foreignKeys.forEach(jdbc::execute);
            jdbc.queryForObject("SELECT set_config('search_path', ?, true)", String.class, searchPath);
        });
    }

    /** Whether the shadow tables exist and still hold what was written to them (see {@link #create}). */
    boolean intact(ProjectionDescriptor projection) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class,
                name(projection) + "." + MARKER))
                && Boolean.TRUE.equals(jdbc.queryForObject(
                        "SELECT EXISTS (SELECT 1 FROM " + name(projection) + "." + MARKER + ")", Boolean.class));
    }

    void drop(ProjectionDescriptor projection) {
        jdbc.execute("DROP SCHEMA IF EXISTS " + name(projection) + " CASCADE");
    }

    /**
     * Makes the live tables equal to the shadow ones, inside the caller's transaction: live rows the shadow lacks are
     * deleted (children first), then every shadow row is inserted or, where it differs, updated (parents first).
     */
    void mergeIntoLive(ProjectionDescriptor projection) {
        String schema = name(projection);
        List<String> tables = projection.tables();
        // room for the joins below to hash a million rows in memory, for this transaction only
        jdbc.execute("SET LOCAL work_mem = '64MB'");
        for (int i = tables.size() - 1; i >= 0; i--) {
            String table = tables.get(i);
            List<String> key = primaryKey(table);
            jdbc.update("DELETE FROM public." + table + " l WHERE NOT EXISTS (SELECT 1 FROM " + schema + "." + table
                    + " r WHERE " + key.stream().map(c -> "r." + c + " = l." + c).collect(Collectors.joining(" AND "))
                    + ")");
        }
        for (String table : tables) {
            List<String> key = primaryKey(table);
            List<String> columns = columns(table);
            List<String> others = columns.stream().filter(column -> !key.contains(column)).toList();
            String list = String.join(", ", columns);
            List<String> textCompared = textCompared(table);
            String conflict = others.isEmpty() ? "DO NOTHING" : "DO UPDATE SET "
                    + others.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "))
                    + " WHERE (" + others.stream().map(c -> comparable("l." + c, textCompared.contains(c)))
                    .collect(Collectors.joining(", ")) + ") IS DISTINCT FROM (" + others.stream()
                    .map(c -> comparable("EXCLUDED." + c, textCompared.contains(c))).collect(Collectors.joining(", "))
                    + ")";
            // only the rows that are new or differ go through the upsert: checking a conflict row by row cost
            // seconds for a million unchanged rows, a join finds them at once
            String same = key.stream().map(c -> "x." + c + " = r." + c).collect(Collectors.joining(" AND "))
                    + (others.isEmpty() ? "" : " AND (" + others.stream()
                    .map(c -> comparable("x." + c, textCompared.contains(c))).collect(Collectors.joining(", "))
                    + ") IS NOT DISTINCT FROM (" + others.stream()
                    .map(c -> comparable("r." + c, textCompared.contains(c))).collect(Collectors.joining(", "))
                    + ")");
            jdbc.update("INSERT INTO public." + table + " AS l (" + list + ") SELECT " + list + " FROM " + schema
                    + "." + table + " r WHERE NOT EXISTS (SELECT 1 FROM public." + table + " x WHERE " + same
                    + ") ON CONFLICT (" + String.join(", ", key) + ") " + conflict);
        }
    }

    /** Blocks writers (not readers) of the live tables until the transaction ends. */
    void lockLive(ProjectionDescriptor projection) {
        jdbc.execute("LOCK TABLE " + projection.tables().stream().map(t -> "public." + t)
                .collect(Collectors.joining(", ")) + " IN SHARE ROW EXCLUSIVE MODE");
    }

    /** The tables outside the projection whose foreign keys point at its tables (a delete there cascades to them). */
    List<String> referencingTables(ProjectionDescriptor projection) {
        List<String> referencing = new ArrayList<>();
        for (String table : projection.tables()) {
            referencing.addAll(jdbc.queryForList("SELECT DISTINCT c.relname FROM pg_constraint k JOIN pg_class c"
                    + " ON c.oid = k.conrelid WHERE k.contype = 'f' AND k.confrelid = ?::regclass", String.class,
                    "public." + table));
        }
        return referencing.stream().filter(table -> !projection.tables().contains(table)).distinct().toList();
    }

    private List<String> columns(String table) {
        return jdbc.queryForList("SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = ?::regclass"
                + " AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum", String.class,
                "public." + table);
    }

    private static String comparable(String column, boolean asText) {
        return asText ? column + "::text" : column;
    }

    /**
     * The columns whose type has no default b-tree operator class (json, point, …): compared as text, since
     * {@code IS DISTINCT FROM} needs an equality operator. Every other column is compared as it is, without
     * converting it to text.
     */
    private List<String> textCompared(String table) {
        return jdbc.queryForList("SELECT quote_ident(a.attname) FROM pg_attribute a WHERE a.attrelid = ?::regclass"
                + " AND a.attnum > 0 AND NOT a.attisdropped AND NOT EXISTS (SELECT 1 FROM pg_opclass o"
                + " JOIN pg_am m ON m.oid = o.opcmethod WHERE m.amname = 'btree' AND o.opcdefault"
                + " AND (o.opcintype = a.atttypid OR (o.opcintype = 'anyarray'::regtype"
                + " AND EXISTS (SELECT 1 FROM pg_type t WHERE t.oid = a.atttypid AND t.typelem <> 0))))",
                String.class, "public." + table);
    }

    private List<String> primaryKey(String table) {
        List<String> key = jdbc.queryForList("SELECT quote_ident(a.attname) FROM pg_index i JOIN pg_attribute a"
                + " ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) WHERE i.indrelid = ?::regclass"
                + " AND i.indisprimary ORDER BY a.attnum", String.class, "public." + table);
        if (key.isEmpty()) {
            throw new IllegalStateException("Table " + table + " has no primary key; a blue-green rebuild needs one");
        }
        return key;
    }
}
