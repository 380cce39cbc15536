package jp.renkei.relay.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few kill -9 cycles of the crash harness in the suite (the rerunnable {@code renkei-relay-tools crash-test} runs 20 or
 * more): every acknowledged file delivered and landed exactly once after de-duplication, nothing else.
 */
class CrashHarnessTest {
    @TempDir
    Path folder;

    @Test
    void everyAcknowledgedFileSurvivesThreeKillsExactlyOnce() throws Exception {
        CrashHarness.Result result = CrashHarness.run(new CrashHarness.Settings(folder, 3, 4, 42L,
                Duration.ofMillis(300), Duration.ofMillis(900)));

        assertThat(result.violations()).as(result.report()).isEmpty();
        assertThat(result.acknowledged()).as(result.report()).isPositive().isEqualTo(result.filesSent())
                .isEqualTo(result.inboxFiles()).isEqualTo(result.landedMessages()).isEqualTo(result.receiptsDelivered());
        assertThat(result.journalRecords()).isEqualTo(result.acknowledged());
        assertThat(result.landedRows()).isGreaterThanOrEqualTo(result.landedMessages());
    }
}
