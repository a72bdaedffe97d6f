package dev.ledgerline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** Samples the application's resident memory (VmRSS) every 100 ms and keeps the peak of each named window. */
final class RssSampler {

    private final LongSupplier pid;
    private final Map<String, Long> open = new LinkedHashMap<>();
    private final Map<String, Integer> samples = new LinkedHashMap<>();
    private Thread thread;

    RssSampler(LongSupplier pid) {
        this.pid = pid;
    }

    synchronized void startSampling() {
        thread = new Thread(this::sampleForever, "rss-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void open(String window) {
        open.put(window, 0L);
        samples.put(window, 0);
    }

    /** The peak in bytes while the window was open (NaN when no sample was taken). */
    synchronized double close(String window) {
        sample();
        Long peak = open.remove(window);
        return peak == null || samples.get(window) == 0 ? Double.NaN : peak;
    }

    synchronized int samples(String window) {
        return samples.getOrDefault(window, 0);
    }

    private void sampleForever() {
        while (!Thread.currentThread().isInterrupted()) {
            synchronized (this) {
                sample();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        if (open.isEmpty()) {
            return;
        }
        long rss = rssBytes(pid.getAsLong());
        if (rss < 0) {
            return;
        }
        open.replaceAll((window, peak) -> Math.max(peak, rss));
        open.keySet().forEach(window -> samples.merge(window, 1, Integer::sum));
    }

    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
