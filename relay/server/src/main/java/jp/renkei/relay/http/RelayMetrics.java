package jp.renkei.relay.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * What {@code /metrics} reports, in the Prometheus text format: acknowledged files (total and per second over the last
 * ten seconds), refusals by code, and the journal's queue depth, forces and fsync time, beside the processor's backlog.
 * Counters only; no message ids, names or personal data.
 */
public final class RelayMetrics {
    private static final int WINDOW_SECONDS = 10;

    private final LongAdder acknowledged = new LongAdder();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final long[] secondStamps = new long[WINDOW_SECONDS];
    private final long[] secondCounts = new long[WINDOW_SECONDS];
    private final LongSupplier epochSecond;

    public RelayMetrics(LongSupplier epochSecond) {
        this.epochSecond = epochSecond;
    }

    public void acknowledged() {
        acknowledged.increment();
        long second = epochSecond.getAsLong();
        int slot = (int) (second % WINDOW_SECONDS);
        synchronized (secondStamps) {
            if (secondStamps[slot] != second) {
                secondStamps[slot] = second;
                secondCounts[slot] = 0;
            }
            secondCounts[slot]++;
        }
    }

    void refused(String code) {
        refusals.computeIfAbsent(code, ignored -> new LongAdder()).increment();
    }

    /** Acknowledged files per second over the last ten whole seconds. */
    double acknowledgedPerSecond() {
        long now = epochSecond.getAsLong();
        long sum = 0;
        synchronized (secondStamps) {
            for (int slot = 0; slot < WINDOW_SECONDS; slot++) {
                long age = now - secondStamps[slot];
                if (age >= 1 && age <= WINDOW_SECONDS) {
                    sum += secondCounts[slot];
                }
            }
        }
        return sum / (double) WINDOW_SECONDS;
    }

    /** The text of {@code /metrics}; {@code gauges} are the journal's and processor's figures of this moment. */
    public String exposition(Map<String, Number> gauges) {
        StringBuilder text = new StringBuilder(1024);
        counter(text, "renkei_relay_uploads_acknowledged_total", "Files acknowledged (journaled with fsync).",
                acknowledged.sum());
        text.append("# HELP renkei_relay_uploads_acknowledged_per_second Acknowledged files/s over the last 10 s.\n")
                .append("# TYPE renkei_relay_uploads_acknowledged_per_second gauge\n")
                .append("renkei_relay_uploads_acknowledged_per_second ").append(acknowledgedPerSecond()).append('\n');
        text.append("# HELP renkei_relay_refusals_total Requests refused, by error code.\n")
                .append("# TYPE renkei_relay_refusals_total counter\n");
        new TreeMap<>(refusals).forEach((code, count) -> text.append("renkei_relay_refusals_total{code=\"")
                .append(code).append("\"} ").append(count.sum()).append('\n'));
        gauges.forEach((name, value) -> text.append("# TYPE ").append(name)
                .append(name.endsWith("_total") ? " counter\n" : " gauge\n").append(name).append(' ').append(value)
                .append('\n'));
        return text.toString();
    }

    private static void counter(StringBuilder text, String name, String help, long value) {
        text.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }
}
