package dev.ledgerline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The load runs of one side (app or baseline) of a scenario, in the order they were taken. */
final class Runs {

    private final String scenario;
    private final String side;
    private final List<LoadResult> runs = new ArrayList<>();

    Runs(String scenario, String side) {
        this.scenario = scenario;
        this.side = side;
    }

    LoadResult add(LoadResult run) {
        runs.add(run);
        Log.info("%s %s run %d: %s", scenario, side, runs.size(), run);
        if (run.firstError() != null) {
            Log.info("%s %s run %d: first error: %s", scenario, side, runs.size(), run.firstError());
        }
        return run;
    }

    List<Double> values(ToDoubleFunction<LoadResult> figure) {
        return runs.stream().map(run -> figure.applyAsDouble(run)).toList();
    }

    List<Double> perSecond() {
        return values(LoadResult::perSecond);
    }

    List<Double> p50() {
        return values(run -> run.percentileMillis(0.50));
    }

    List<Double> p99() {
        return values(run -> run.percentileMillis(0.99));
    }

    List<Map<String, Object>> json() {
        return runs.stream().map(LoadResult::json).toList();
    }

    long errors() {
        return runs.stream().mapToLong(LoadResult::errors).sum();
    }
}
