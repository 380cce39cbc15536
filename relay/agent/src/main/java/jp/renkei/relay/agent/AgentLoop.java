package jp.renkei.relay.agent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a watching agent's passes one after the other until it is stopped: the next pass starts when the interval has
 * passed, sooner when the pass asked to come back soon or something {@link #wake woke} the loop (a file event).
 * Waiting is the loop's only sleep and {@link #stop} cuts it short, so a test with a short interval does not sleep
 * longer than it needs. As a {@link Sleeper} it gives an upload's back-off that ends when the loop is stopped.
 */
public final class AgentLoop implements Sleeper {
    /** One pass of the agent. */
    @FunctionalInterface
    public interface Pass {
        /** Runs the pass; true to come back after the short interval (e.g. files still being written). */
        boolean run() throws InterruptedException;
    }

    private final Duration interval;
    private final Duration soon;
    private final Object lock = new Object();
    private final CountDownLatch finished = new CountDownLatch(1);
    private boolean woken;
    private boolean stopped;
    private long passes;

    /**
     * @param interval the wait between passes (the poll)
     * @param soon the wait after a pass that asked to come back soon (at most {@code interval})
     */
    public AgentLoop(Duration interval, Duration soon) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval between passes must be positive: " + interval);
        }
        this.interval = interval;
        this.soon = soon.compareTo(interval) < 0 ? soon : interval;
    }

    /** Runs passes in the calling thread until {@link #stop}; the pass in flight is finished first. */
    public void run(Pass pass) throws InterruptedException {
        try {
            while (!stopping()) {
                boolean again = pass.run();
                synchronized (lock) {
                    passes++;
                    lock.notifyAll();
                }
                awaitNext(again ? soon : interval);
            }
        } finally {
            finished.countDown();
            synchronized (lock) {
                lock.notifyAll();
            }
        }
    }

    /**
     * {@link #run} with a shutdown hook: SIGTERM or Ctrl-C stops the loop after the file in flight, and the JVM exits
     * only once {@code atEnd} (a summary) has run, or after {@code limit}.
     */
    public void runUntilShutdown(Pass pass, Runnable atEnd, Duration limit) throws InterruptedException {
        CountDownLatch summarized = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop();
            try {
                summarized.await(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException exiting) {
                Thread.currentThread().interrupt();
            }
        }, "renkei-agent-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run(pass);
        } finally {
            try {
                atEnd.run();
            } finally {
                summarized.countDown();
            }
        }
    }

    /** Starts the next pass now (unless one is running: then right after it). */
    public void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    /** Asks the loop to stop after the file in flight; returns at once (see {@link #awaitFinished}). */
    public void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }

    @Override
    public boolean stopping() {
        synchronized (lock) {
            return stopped;
        }
    }

    /** Waits {@code duration} unless the loop is stopped first (file events do not cut a back-off short). */
    @Override
    public boolean sleep(Duration duration) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        synchronized (lock) {
            for (long left = duration.toNanos(); !stopped && left > 0; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return !stopped;
        }
    }

    /** Passes completed so far. */
    public long passes() {
        synchronized (lock) {
            return passes;
        }
    }

    /** Waits until {@code count} passes have completed (or the loop ended); false after {@code limit}. */
    public boolean awaitPasses(long count, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (lock) {
            for (long left = limit.toNanos(); passes < count && finished.getCount() > 0; left = deadline - System.nanoTime()) {
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return passes >= count;
        }
    }

    /** Waits until {@link #run} has returned; false after {@code limit}. */
    public boolean awaitFinished(Duration limit) throws InterruptedException {
        return finished.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void awaitNext(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (lock) {
            for (long left = wait.toNanos(); !stopped && !woken && left > 0; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            woken = false;
        }
    }
}
