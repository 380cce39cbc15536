package jp.renkei.dashboard.mart;

/**
 * Time spent in DuckDB (executing a statement and reading its rows) by the current request's thread, so the load
 * benchmark can report the query's own share of a response ({@code Server-Timing}, see {@code ServerTimingFilter}).
 * Requests are served one per thread here (Spring MVC, blocking), so a thread-local sum is the request's sum.
 */
public final class QueryTiming {

    private static final ThreadLocal<long[]> NANOS = ThreadLocal.withInitial(() -> new long[1]);

    /** A database call that returns a value and may throw SQLException. */
    @FunctionalInterface
    public interface SqlCall<T> {
        T call() throws java.sql.SQLException;
    }

    private QueryTiming() {
    }

    public static <T> T measure(SqlCall<T> call) throws java.sql.SQLException {
        long started = System.nanoTime();
        try {
            return call.call();
        } finally {
            NANOS.get()[0] += System.nanoTime() - started;
        }
    }

    /** Starts a request's count at zero. */
    public static void reset() {
        NANOS.get()[0] = 0;
    }

    public static long nanos() {
        return NANOS.get()[0];
    }
}
