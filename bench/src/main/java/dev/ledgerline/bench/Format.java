package dev.ledgerline.bench;

import java.util.List;
import java.util.Locale;

/** Numbers as the table shows them: three significant digits or so, never scientific notation. */
final class Format {

    private Format() {
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** {@code median [min–max]}, or just the value when there is one. */
    static String spread(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return "—";
        }
        String median = number(Stats.median(values));
        if (values.size() == 1) {
            return median;
        }
        return median + " [" + number(Stats.min(values)) + "–" + number(Stats.max(values)) + "]";
    }
}
