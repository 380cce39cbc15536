package jp.renkei.ingest.cli;

/**
 * Progress on stderr for long steps: at most one line a second, plain text so CI logs and pipes stay readable.
 */
public final class ConsoleProgress {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final String label;
    private final long started = System.nanoTime();
    private long lastPrinted = started;
    private String last = "";

    public ConsoleProgress(String label) {
        this.label = label;
    }

    public void update(String status) {
        last = status;
        long now = System.nanoTime();
        if (now - lastPrinted >= INTERVAL_NANOS) {
            lastPrinted = now;
            System.err.printf("  … %s: %s (%.0f s)%n", label, status, (now - started) / 1e9);
        }
    }

    public void done() {
        System.err.printf("  ✓ %s: %s (%.1f s)%n", label, last, (System.nanoTime() - started) / 1e9);
    }
}
