package dev.ledgerline.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Load on one thread per client, bounded in time. Closed loop: each client sends its next request when the previous
 * answered. Paced (open loop): each client sends at fixed times whatever the answers do; a client still waiting when
 * its next time comes sends as soon as the answer arrives (the lateness is recorded).
 */
final class Load {

    /** One request of one client; true when it succeeded. */
    @FunctionalInterface
    interface Call {
        boolean call(int client) throws Exception;
    }

    private Load() {
    }

    static LoadResult closedLoop(int clients, Duration duration, Call call) {
        return run(clients, (client, start, end, recorder) -> {
            while (System.nanoTime() < end) {
                recorder.request(client, call);
            }
        }, duration);
    }

    /** Every client sends exactly one request, all at once. */
    static LoadResult once(int clients, Call call) {
        return run(clients, (client, start, end, recorder) -> recorder.request(client, call), java.time.Duration.ZERO);
    }

    static LoadResult paced(int clients, double perSecond, Duration duration, Call call) {
        long interval = Math.round(clients * 1e9 / perSecond);
        return run(clients, (client, start, end, recorder) -> {
            for (long due = start + interval * client / clients; due < end; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    recorder.late(-wait);
                }
                recorder.request(client, call);
            }
        }, duration);
    }

    private interface Loop {
        void run(int client, long start, long end, Recorder recorder) throws Exception;
    }

    private static LoadResult run(int clients, Loop loop, Duration duration) {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Recorder> recorders = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int i = 0; i < clients; i++) {
            Recorder recorder = new Recorder();
            recorders.add(recorder);
            int client = i;
            Thread thread = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    loop.run(client, window[0], window[1], recorder);
                } catch (Exception e) {
                    recorder.failure(e);
                }
            }, "load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        try {
            ready.await();
            window[0] = System.nanoTime();
            window[1] = window[0] + duration.toNanos();
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        long elapsed = System.nanoTime() - window[0];
        return LoadResult.of(recorders, elapsed);
    }

    /** One client's latencies, errors and lateness. Only its own thread writes it. */
    static final class Recorder {
        private long[] latencies = new long[1024];
        private int count;
        private long errors;
        private long lateCount;
        private long maxLateNanos;
        private final AtomicReference<String> firstError = new AtomicReference<>();

        void request(int client, Call call) {
            long sent = System.nanoTime();
            boolean ok;
            try {
                ok = call.call(client);
            } catch (Exception e) {
                failure(e);
                return;
            }
            if (!ok) {
                errors++;
                firstError.compareAndSet(null, "unexpected answer");
                return;
            }
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = System.nanoTime() - sent;
        }

        void late(long nanos) {
            lateCount++;
            maxLateNanos = Math.max(maxLateNanos, nanos);
        }

        void failure(Exception e) {
            errors++;
            firstError.compareAndSet(null, e.toString());
        }

        long[] latencies() {
            return Arrays.copyOf(latencies, count);
        }

        long errors() {
            return errors;
        }

        long lateCount() {
            return lateCount;
        }

        long maxLateNanos() {
            return maxLateNanos;
        }

        String firstError() {
            return firstError.get();
        }
    }
}
