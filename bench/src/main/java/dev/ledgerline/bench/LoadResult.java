package dev.ledgerline.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What one load run measured: successful requests, their latencies, errors, and how late paced clients were. */
record LoadResult(long ok, long errors, double seconds, long[] sortedLatencyNanos, long lateRequests,
                  double maxLateMillis, String firstError) {

    static LoadResult of(List<Load.Recorder> recorders, long elapsedNanos) {
        long[] all = recorders.stream().map(Load.Recorder::latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        long errors = recorders.stream().mapToLong(Load.Recorder::errors).sum();
        long late = recorders.stream().mapToLong(Load.Recorder::lateCount).sum();
        long maxLate = recorders.stream().mapToLong(Load.Recorder::maxLateNanos).max().orElse(0);
        String firstError = recorders.stream().map(Load.Recorder::firstError).filter(Objects::nonNull).findFirst()
                .orElse(null);
        return new LoadResult(all.length, errors, elapsedNanos / 1e9, all, late, maxLate / 1e6, firstError);
    }

    double perSecond() {
        return ok / seconds;
    }

    double percentileMillis(double q) {
        return Stats.percentile(sortedLatencyNanos, q) / 1e6;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", ok);
        json.put("errors", errors);
        json.put("seconds", seconds);
        json.put("perSecond", Figure.finite(perSecond()));
        json.put("p50Millis", Figure.finite(percentileMillis(0.50)));
        json.put("p90Millis", Figure.finite(percentileMillis(0.90)));
        json.put("p99Millis", Figure.finite(percentileMillis(0.99)));
        json.put("maxMillis", Figure.finite(percentileMillis(1.0)));
        if (lateRequests > 0) {
            json.put("lateRequests", lateRequests);
            json.put("maxLateMillis", maxLateMillis);
        }
        if (firstError != null) {
            json.put("firstError", firstError);
        }
        return json;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%d ok, %d errors in %.1f s: %.1f/s, p50 %.1f ms, p99 %.1f ms",
                ok, errors, seconds, perSecond(), percentileMillis(0.5), percentileMillis(0.99));
    }
}
