package jp.renkei.relay.cardcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.ingest.landing.LandingWriter;
import jp.renkei.ingest.pseudonym.PersonPseudonymizer;
import jp.renkei.relay.testing.LandingFolder;
import jp.renkei.relay.testing.RelayHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardCheckLandingTest {
    /** 23:30 in Tokyo on 30 November: the part lands under that Japanese date. */
    private static final Instant CHECKED = Instant.parse("2026-11-30T14:30:00.250Z");

    @TempDir
    Path landing;

    private CardCheckLanding open(long intervalMillis, int rows) {
        return new CardCheckLanding(new LandingWriter(landing, Clock.fixed(CHECKED, ZoneOffset.UTC)),
                new PersonPseudonymizer(RelayHome.PSEUDONYM_KEY), intervalMillis, rows);
    }

    private static CardCheckLanding.Check check(String id, String person) {
        return new CardCheckLanding.Check(id, "3110000011", person == null ? null : "310011", person, "pin",
                person == null ? "failed" : "eligible", person == null ? "card_removed" : null, 87, CHECKED);
    }

    @Test
    void closeLandsEveryBufferedRowUnderThePersonKey() throws Exception {
        CardCheckLanding checks = open(3_600_000, 1_000);
        checks.add(check("c1", "H310012345"));
        checks.add(check("c2", null));
        assertThat(LandingFolder.rows(landing, LandingDataset.CARD_CHECKS)).isEmpty();

        checks.close();

        assertThat(LandingFolder.parts(landing, LandingDataset.CARD_CHECKS)).singleElement()
                .satisfies(part -> assertThat(part.getParent().getFileName()).hasToString("dt=2026-11-30"));
        assertThat(LandingFolder.rows(landing, LandingDataset.CARD_CHECKS)).satisfiesExactly(
                row -> assertThat(row).containsEntry("check_id", "c1").containsEntry("insurer", "310011")
                        .containsEntry("person_key", new PersonPseudonymizer(RelayHome.PSEUDONYM_KEY).personKey("H310012345"))
                        .containsEntry("failure_reason", "").containsEntry("latency_ms", "87")
                        .containsEntry("checked_at", "2026-11-30T14:30:00.250Z"),
                row -> assertThat(row).containsEntry("check_id", "c2").containsEntry("person_key", "")
                        .containsEntry("result", "failed").containsEntry("failure_reason", "card_removed"));
        assertThatThrownBy(() -> checks.add(check("c3", null))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFullBufferLandsWithoutWaitingForTheInterval() throws Exception {
        try (CardCheckLanding checks = open(3_600_000, 2)) {
            checks.add(check("c1", null));
            checks.add(check("c2", null));

            await("both checks landed").atMost(Duration.ofSeconds(10))
                    .until(() -> LandingFolder.rows(landing, LandingDataset.CARD_CHECKS).size() >= 2);
            assertThat(LandingFolder.rows(landing, LandingDataset.CARD_CHECKS)).hasSize(2);
            assertThat(checks.bufferedRows()).isZero();
        }
    }
}
