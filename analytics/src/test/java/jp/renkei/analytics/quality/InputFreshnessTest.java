package jp.renkei.analytics.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.renkei.ingest.landing.LandingDataset;
import org.junit.jupiter.api.Test;

/** The lag each input may have (no Spark: the check looks at landing dates only). */
class InputFreshnessTest {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void everyLandingDatasetHasItsDocumentedLag() {
        Map<LandingDataset, Integer> lags = new EnumMap<>(LandingDataset.class);
        Arrays.stream(InputFreshness.values()).forEach(input -> lags.put(input.dataset(), input.lagMonths()));

        assertThat(lags).containsOnlyKeys(LandingDataset.values());
        assertThat(lags).containsEntry(LandingDataset.MUNICIPALITIES, 24)
                .containsEntry(LandingDataset.OFFICES, 3)
                .containsEntry(LandingDataset.APPLICATIONS, 1)
                .containsEntry(LandingDataset.EXCHANGES, 1)
                .containsEntry(LandingDataset.SCHEDULE_LINES, 1)
                .containsEntry(LandingDataset.CARD_CHECKS, 1)
                .containsEntry(LandingDataset.EFFECT_REPORTS, 3)
                .containsEntry(LandingDataset.MODEL_REGIONS, 12)
                .containsEntry(LandingDataset.CARD_ROLLOUT, 12);
    }

    @Test
    void aLandingOnTheFirstAcceptedDayPassesAndTheDayBeforeFailsNamingTheDatasetAndDates() {
        assertThat(InputFreshness.APPLICATIONS.oldestAccepted(NOVEMBER)).isEqualTo(LocalDate.of(2026, 10, 1));

        assertThat(failures(Map.of(LandingDataset.APPLICATIONS, LocalDate.of(2026, 10, 1)))).isEmpty();
        assertThat(failures(Map.of(LandingDataset.APPLICATIONS, LocalDate.of(2026, 9, 30))))
                .singleElement().satisfies(finding -> {
                    assertThat(finding.code()).isEqualTo("ANA-DQ-015");
                    assertThat(finding.name()).isEqualTo("applications.fresh");
                    assertThat(finding.message()).contains("dt=2026-09-30", "older than 2026-10-01",
                            "months up to 2026-11", "--to-month");
                });
    }

    @Test
    void aDatasetThatNeverLandedIsNotStale() {
        assertThat(failures(Map.of())).isEmpty();
    }

    private static List<QualityFinding> failures(Map<LandingDataset, LocalDate> latest) {
        return InputFreshness.checks(dataset -> Optional.ofNullable(latest.get(dataset)), NOVEMBER).stream()
                .map(QualityCheck::evaluate).flatMap(Optional::stream).toList();
    }
}
