package dev.ledgerline.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One reported figure: the app's value in every repetition, the baseline's (when it has one, from the same run,
 * measured alternately), the ratio of the medians and whether the target is met.
 */
record Figure(String scenario, String name, String unit, List<Double> app, List<Double> baseline, Target target) {

    Figure {
        app = List.copyOf(app);
        baseline = baseline == null ? null : List.copyOf(baseline);
    }

    double appMedian() {
        return Stats.median(app);
    }

    double ratio() {
        return baseline == null ? Double.NaN : appMedian() / Stats.median(baseline);
    }

    Boolean met() {
        return target.met(appMedian(), ratio());
    }

    /** A figure is missing when a side has no value or a NaN. */
    boolean complete() {
        return complete(app) && (baseline == null || complete(baseline));
    }

    private static boolean complete(List<Double> values) {
        return !values.isEmpty() && values.stream().noneMatch(v -> v == null || v.isNaN() || v.isInfinite());
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("unit", unit);
        json.put("app", side(app));
        if (baseline != null) {
            json.put("baseline", side(baseline));
            json.put("ratio", finite(ratio()));
        }
        json.put("target", target.text());
        json.put("met", met());
        return json;
    }

    private static Map<String, Object> side(List<Double> values) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("values", values.stream().map(Figure::finite).toList());
        side.put("median", finite(Stats.median(values)));
        side.put("min", finite(Stats.min(values)));
        side.put("max", finite(Stats.max(values)));
        return side;
    }

    static Double finite(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? null : value;
    }
}
