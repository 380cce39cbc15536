package jp.renkei.ingest.demo;

import java.util.SplittableRandom;

/**
 * Seeded random draws. Every municipality, office and person draws from a generator seeded by the nation's seed and
 * its own key, so its draws do not depend on what was generated before it: a prefecture looks the same whether it
 * is generated alone or with the nation, and the order of work may change without changing a byte.
 */
final class Draws {
    private Draws() {
    }

    /** A generator for one thing: the nation's seed, what is drawn ({@code purpose}) and whose draw it is. */
    static SplittableRandom random(long seed, String purpose, String key) {
        return new SplittableRandom(mix(seed ^ mix(((long) purpose.hashCode() << 32) ^ (key.hashCode() & 0xffffffffL))));
    }

    /** Poisson by inversion for small means and a rounded normal for large ones (where the two agree closely). */
    static int poisson(SplittableRandom random, double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 40) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(random)));
        }
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    /** A log-normal factor whose mean is 1: {@code sigma} sets the spread. */
    static double logNormalMeanOne(SplittableRandom random, double sigma) {
        return Math.exp(sigma * gaussian(random) - sigma * sigma / 2);
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Picks an index with probability proportional to {@code cumulative[i] - cumulative[i - 1]}. */
    static int pickCumulative(SplittableRandom random, double[] cumulative) {
        double point = random.nextDouble() * cumulative[cumulative.length - 1];
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] <= point) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Stafford's variant 13 of the SplitMix64 finaliser. */
    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
