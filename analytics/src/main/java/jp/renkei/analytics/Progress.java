package jp.renkei.analytics;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/** Progress lines on stderr: stage name, row counts and timings. Never prints row contents. */
final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    void line(String format, Object... args) {
        out.printf(Locale.ROOT, "[analytics %6.1fs] %s%n", seconds(started), String.format(Locale.ROOT, format, args));
    }

    /** Runs one stage and prints its name, its outcome and how long it took. */
    <T> T stage(String name, Supplier<T> work, Function<T, String> outcome) {
        long start = System.nanoTime();
        T result = work.get();
        line("%-28s %s (%.1f s)", name, outcome.apply(result), seconds(start));
        return result;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
