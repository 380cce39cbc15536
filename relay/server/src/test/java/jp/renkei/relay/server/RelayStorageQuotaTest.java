package jp.renkei.relay.server;

import static jp.renkei.relay.testing.ScheduleFiles.CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.HOME_HELP;
import static jp.renkei.relay.testing.ScheduleFiles.OTHER_CARE_MANAGER;
import static jp.renkei.relay.testing.ScheduleFiles.SENT_AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import jp.renkei.relay.testing.MutableClock;
import jp.renkei.relay.testing.RelayClient.Reply;
import jp.renkei.relay.testing.RelayClient;
import jp.renkei.relay.testing.RelayHome;
import jp.renkei.relay.testing.RunningRelay;
import jp.renkei.relay.testing.ScheduleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One office that has had its day's quota stored is refused until midnight in Japan; the others go on. */
class RelayStorageQuotaTest {
    @TempDir
    Path folder;

    @Test
    void anOfficePastItsDailyQuotaIsRefusedUntilMidnightAndOthersAreNot() throws Exception {
        byte[] plan = ScheduleFiles.plan(HOME_HELP, "2000000001");
        Properties smallQuota = new Properties();
        smallQuota.setProperty("relay.office-bytes-per-day", Integer.toString(2 * plan.length));
        // 23:00 in Japan
        MutableClock clock = new MutableClock(Instant.parse("2026-11-05T14:00:00Z"));
        RelayHome home = RelayHome.create(folder, CARE_MANAGER, HOME_HELP, OTHER_CARE_MANAGER);
        try (RunningRelay relay = home.start(smallQuota, clock)) {
            RelayClient client = relay.client();
            assertThat(upload(client, CARE_MANAGER, 0, plan).status()).isEqualTo(202);
            assertThat(upload(client, CARE_MANAGER, 1, plan).status()).isEqualTo(202);

            Reply refused = upload(client, CARE_MANAGER, 2, plan);
            assertThat(refused.status()).as(refused.text()).isEqualTo(429);
            assertThat(refused.code()).isEqualTo("RELAY-QUOTA-001");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("3600");
            assertThat(upload(client, OTHER_CARE_MANAGER, 0, plan).status()).as("another office").isEqualTo(202);

            clock.advance(Duration.ofHours(1));
            assertThat(upload(client, CARE_MANAGER, 3, plan).status()).as("a new day in Japan").isEqualTo(202);
        }
    }

    private static Reply upload(RelayClient client, String office, int index, byte[] plan) throws Exception {
        return client.upload(office, ScheduleFiles.name(office, HOME_HELP, SENT_AT.plusMinutes(index)), plan);
    }
}
