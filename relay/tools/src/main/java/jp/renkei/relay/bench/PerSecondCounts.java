package jp.renkei.relay.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Acknowledgements counted per whole second of a phase. On a shared machine the rate swings with the neighbours' load
 * within one phase as much as between runs; the spread of the seconds shows it beside the phase's mean.
 */
final class PerSecondCounts {
    /** The slowest, the median and the fastest whole second. */
    record Spread(int slowest, int median, int fastest) {
        static final Spread NONE = new Spread(0, 0, 0);
    }

    private final long startNanos;
    private final AtomicIntegerArray counts;

    PerSecondCounts(long startNanos, int seconds) {
        this.startNanos = startNanos;
        this.counts = new AtomicIntegerArray(seconds);
    }

    void count(long nowNanos) {
        long second = (nowNanos - startNanos) / 1_000_000_000L;
        if (second >= 0 && second < counts.length()) {
            counts.incrementAndGet((int) second);
        }
    }

    /** Over the whole seconds of the phase (a last, partial second is left out by sizing the counts to the phase). */
    Spread spread() {
        if (counts.length() == 0) {
            return Spread.NONE;
        }
        int[] sorted = new int[counts.length()];
        for (int second = 0; second < sorted.length; second++) {
            sorted[second] = counts.get(second);
        }
        Arrays.sort(sorted);
        return new Spread(sorted[0], sorted[sorted.length / 2], sorted[sorted.length - 1]);
    }
}
