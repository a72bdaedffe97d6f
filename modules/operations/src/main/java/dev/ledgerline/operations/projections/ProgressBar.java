package dev.ledgerline.operations.projections;

/** One line of text showing a rebuild's progress, for a terminal. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    static String render(RebuildView rebuild) {
        int filled = (int) Math.round(rebuild.progressPercent() / 100.0 * WIDTH);
        String bar = "#".repeat(Math.max(0, Math.min(WIDTH, filled))) + ".".repeat(Math.max(0, WIDTH - filled));
        String eta = rebuild.etaSeconds() == null ? "?" : rebuild.etaSeconds() + "s";
        return String.format(java.util.Locale.ROOT, "[%s] %5.1f%%  %d/%d events  %.0f ev/s  ETA %s  %s", bar,
                rebuild.progressPercent(), Math.max(0, rebuild.position() + 1), Math.max(0, rebuild.head() + 1),
                rebuild.eventsPerSecond(), eta, rebuild.state());
    }
}
