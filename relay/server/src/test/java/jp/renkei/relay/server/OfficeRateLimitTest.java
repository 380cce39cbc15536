package jp.renkei.relay.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class OfficeRateLimitTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstPassesThenTheSustainedRateAppliesPerOffice() {
        OfficeRateLimit limit = new OfficeRateLimit(2, 3, now::get);

        assertThat(limit.secondsToWait("3110000011")).isZero();
        assertThat(limit.secondsToWait("3110000011")).isZero();
        assertThat(limit.secondsToWait("3110000011")).isZero();
        assertThat(limit.secondsToWait("3110000011")).as("burst of 3 used up").isEqualTo(1);
        assertThat(limit.secondsToWait("3110000029")).as("another office has its own bucket").isZero();

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(limit.secondsToWait("3110000011")).as("one token back after 0.5 s at 2/s").isZero();
        assertThat(limit.secondsToWait("3110000011")).isEqualTo(1);

        now.addAndGet(TimeUnit.SECONDS.toNanos(60));
        for (int upload = 0; upload < 3; upload++) {
            assertThat(limit.secondsToWait("3110000011")).as("refilled to the burst, not beyond").isZero();
        }
        assertThat(limit.secondsToWait("3110000011")).isEqualTo(1);
    }

    @Test
    void aSlowRateAsksForTheSecondsUntilTheNextToken() {
        OfficeRateLimit limit = new OfficeRateLimit(1, 1, now::get);

        assertThat(limit.secondsToWait("3110000011")).isZero();
        assertThat(limit.secondsToWait("3110000011")).isEqualTo(1);
    }

    @Test
    void zeroMeansNoLimit() {
        OfficeRateLimit limit = new OfficeRateLimit(0, 1, now::get);

        for (int upload = 0; upload < 10_000; upload++) {
            assertThat(limit.secondsToWait("3110000011")).isZero();
        }
    }
}
