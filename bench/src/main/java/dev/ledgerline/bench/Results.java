package dev.ledgerline.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything a run found: figures, raw details per scenario, and what went wrong. */
final class Results {

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Map<String, Object>> details = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    synchronized Figure add(Figure figure) {
        figures.add(figure);
        Log.info("%s %s: app %s%s", figure.scenario(), figure.name(), Format.spread(figure.app()),
                figure.baseline() == null ? "" : ", baseline " + Format.spread(figure.baseline())
                        + ", ratio " + Format.number(figure.ratio()));
        return figure;
    }

    synchronized void detail(String scenario, String key, Object value) {
        details.computeIfAbsent(scenario, s -> new LinkedHashMap<>()).put(key, value);
    }

    synchronized void fail(String scenario, String message) {
        Log.info("FAILED %s: %s", scenario, message);
        failures.add(scenario + ": " + message);
    }

    synchronized List<Figure> figures() {
        return List.copyOf(figures);
    }

    synchronized List<String> failures() {
        List<String> all = new ArrayList<>(failures);
        figures.stream().filter(f -> !f.complete())
                .forEach(f -> all.add(f.scenario() + ": figure '" + f.name() + "' is missing or NaN"));
        return all;
    }

    synchronized Map<String, Object> scenariosJson() {
        Map<String, Object> scenarios = new LinkedHashMap<>();
        for (Figure figure : figures) {
            scenario(scenarios, figure.scenario()).computeIfAbsent("figures", k -> new ArrayList<Object>());
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) scenario(scenarios, figure.scenario()).get("figures");
            list.add(figure.json());
        }
        details.forEach((scenario, values) -> scenario(scenarios, scenario).put("details", values));
        return scenarios;
    }

    private static Map<String, Object> scenario(Map<String, Object> scenarios, String id) {
        @SuppressWarnings("unchecked")
        Map<String, Object> scenario = (Map<String, Object>) scenarios.computeIfAbsent(id, k -> new LinkedHashMap<>());
        return scenario;
    }

    /** The table printed at the end: one line per figure. */
    synchronized String table() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"id", "figure", "app: median [min–max]", "baseline: median [min–max]", "ratio",
                "target", "met"});
        for (Figure f : figures) {
            Boolean met = f.met();
            rows.add(new String[] {f.scenario(), f.name() + " (" + f.unit() + ")", Format.spread(f.app()),
                    Format.spread(f.baseline()), f.baseline() == null ? "—" : Format.number(f.ratio()),
                    f.target().text(), met == null ? "—" : met ? "yes" : "no"});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            table.append(line(rows.get(r), widths));
            if (r == 0) {
                String[] rule = new String[widths.length];
                for (int i = 0; i < widths.length; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                table.append(line(rule, widths));
            }
        }
        return table.toString();
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < cells.length; i++) {
            line.append(' ').append(cells[i]).append(" ".repeat(widths[i] - cells[i].length())).append(" |");
        }
        return line.append('\n').toString();
    }
}
