package dev.ledgerline.bench;

/**
 * What "done" means for a figure: a bound on the ratio of the medians (app / baseline) or on the app's median itself.
 * A report-only figure has no bound.
 */
record Target(String text, boolean onRatio, boolean atMost, double limit) {

    static Target ratioAtLeast(double limit) {
        return new Target("≥ " + Format.number(limit), true, false, limit);
    }

    static Target ratioAtMost(double limit) {
        return new Target("≤ " + Format.number(limit), true, true, limit);
    }

    static Target valueAtMost(double limit, String unit) {
        return new Target("≤ " + Format.number(limit) + " " + unit, false, true, limit);
    }

    static Target aim(double limit, String unit) {
        return new Target("aim ≤ " + Format.number(limit) + " " + unit, false, true, limit);
    }

    static Target none() {
        return new Target("—", false, false, Double.NaN);
    }

    boolean bounded() {
        return !Double.isNaN(limit);
    }

    /** Null when there is no bound or no figure to judge. */
    Boolean met(double appMedian, double ratio) {
        double value = onRatio ? ratio : appMedian;
        if (!bounded() || Double.isNaN(value)) {
            return null;
        }
        return atMost ? value <= limit : value >= limit;
    }
}
