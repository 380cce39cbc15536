package jp.renkei.analytics.quality;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import jp.renkei.ingest.landing.LandingDataset;

/**
 * ANA-DQ-015: how far behind the last month a run publishes each input dataset's latest landing may be. A mart for
 * November built from a license roster landed in June would count June's licenses as November's; the run stops
 * instead and names the dataset. A dataset that never landed has nothing to be stale (the other checks see it is
 * missing where that matters).
 */
public enum InputFreshness {
    MUNICIPALITIES(LandingDataset.MUNICIPALITIES, 24, "the master changes with mergers, a few times a year at most"),
    OFFICES(LandingDataset.OFFICES, 3, "the public office list is republished at least every quarter"),
    APPLICATIONS(LandingDataset.APPLICATIONS, 1, "the license roster comes every month"),
    EXCHANGES(LandingDataset.EXCHANGES, 1, "a month's plans are sent from the month before"),
    SCHEDULE_LINES(LandingDataset.SCHEDULE_LINES, 1, "they land with their exchanges"),
    CARD_CHECKS(LandingDataset.CARD_CHECKS, 1, "the relay lands checks as they happen"),
    EFFECT_REPORTS(LandingDataset.EFFECT_REPORTS, 3, "offices report a month or two after the month"),
    MODEL_REGIONS(LandingDataset.MODEL_REGIONS, 12, "regions are set per fiscal year"),
    CARD_ROLLOUT(LandingDataset.CARD_ROLLOUT, 12, "start months are announced per fiscal year");

    static final String CODE = "ANA-DQ-015";

    private final LandingDataset dataset;
    private final int lagMonths;
    private final String why;

    InputFreshness(LandingDataset dataset, int lagMonths, String why) {
        this.dataset = dataset;
        this.lagMonths = lagMonths;
        this.why = why;
    }

    public LandingDataset dataset() {
        return dataset;
    }

    /** Months the latest landing may lag behind the run's last month. */
    public int lagMonths() {
        return lagMonths;
    }

    /** The oldest latest-landing date ({@code dt}) a run whose last month is {@code toMonth} accepts. */
    public LocalDate oldestAccepted(YearMonth toMonth) {
        return toMonth.minusMonths(lagMonths).atDay(1);
    }

    /**
     * One check per dataset.
     *
     * @param latestLanding the latest {@code dt} of a dataset's parts, empty when it never landed
     */
    public static List<QualityCheck> checks(Function<LandingDataset, Optional<LocalDate>> latestLanding,
            YearMonth toMonth) {
        List<QualityCheck> checks = new ArrayList<>();
        for (InputFreshness input : values()) {
            LocalDate oldest = input.oldestAccepted(toMonth);
            String name = input.dataset.directoryName() + ".fresh";
            checks.add(QualityCheck.fromViolation(CODE, name,
                    () -> latestLanding.apply(input.dataset).filter(latest -> latest.isBefore(oldest))
                            .map(latest -> "latest landing dt=" + latest + ", older than " + oldest + " (months up to "
                                    + toMonth + "; " + input.dataset.directoryName() + " may lag " + input.lagMonths
                                    + (input.lagMonths == 1 ? " month: " : " months: ") + input.why + ")"),
                    "Land a current " + input.dataset.directoryName() + " file, or pass an earlier --to-month."));
        }
        return checks;
    }
}
