package jp.renkei.relay.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RelayMetricsTest {
    private final AtomicLong second = new AtomicLong(1_764_000_000L);
    private final RelayMetrics metrics = new RelayMetrics(second::get);

    @Test
    void theRateIsOverTheLastTenWholeSecondsAndForgetsOlderOnes() {
        for (int file = 0; file < 30; file++) {
            metrics.acknowledged();
        }
        assertThat(metrics.acknowledgedPerSecond()).as("the current second is not whole yet").isZero();

        second.incrementAndGet();
        assertThat(metrics.acknowledgedPerSecond()).isEqualTo(3.0);

        second.addAndGet(10);
        assertThat(metrics.acknowledgedPerSecond()).as("eleven seconds later").isZero();
    }

    @Test
    void theExpositionListsCountersRefusalsByCodeAndGauges() {
        metrics.acknowledged();
        metrics.refused("RELAY-RATE-001");
        metrics.refused("RELAY-RATE-001");
        metrics.refused("RELAY-CERT-003");

        String text = metrics.exposition(Map.of("renkei_relay_journal_queue_depth", 7));

        assertThat(text.lines().toList()).contains("renkei_relay_uploads_acknowledged_total 1",
                "renkei_relay_refusals_total{code=\"RELAY-CERT-003\"} 1",
                "renkei_relay_refusals_total{code=\"RELAY-RATE-001\"} 2",
                "# TYPE renkei_relay_journal_queue_depth gauge", "renkei_relay_journal_queue_depth 7");
    }
}
