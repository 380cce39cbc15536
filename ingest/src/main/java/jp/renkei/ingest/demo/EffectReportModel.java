package jp.renkei.ingest.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import jp.renkei.ingest.reports.EffectReport;
import jp.renkei.ingest.standard.ServiceType;

/**
 * Monthly self-reported KPIs of a share of adopting 居宅介護支援 offices, from six months before adoption (the
 * baseline) to the reference month. Indirect work first rises after adoption (two systems at once) and then falls
 * below the baseline (the U字の法則 of productivity); some offices never recover. Baselines follow the published
 * cases (docs/demo-nation.md, "Effect reports"): about 2,100 sheets and 18 hours of 実績 input a month for an office
 * of about 100 users, paper and postage ¥30,000 a month, about six returned claims a month.
 */
final class EffectReportModel {
    /** The share of adopting offices that report (subsidised offices must report for three years). [I] */
    static final double REPORTING_SHARE = 0.35;
    /** Of those, the share whose indirect work never falls back below the baseline. [I] */
    static final double NEVER_RECOVER_SHARE = 0.2;
    static final int BASELINE_MONTHS = 6;
    /** The extra indirect work at the worst of the dip, one to two months after adoption. [I] */
    static final double DIP_HEIGHT = 0.25;

    private final long seed;

    EffectReportModel(long seed) {
        this.seed = seed;
    }

    /** The office's reports, or none if it does not report. */
    List<EffectReport> reports(DemoOffice office, YearMonth lastMonth) {
        if (office.type() != ServiceType.CARE_MANAGEMENT || !office.adopted()) {
            return List.of();
        }
        SplittableRandom random = Draws.random(seed, "effect-reports", office.officeNumber());
        if (random.nextDouble() >= REPORTING_SHARE) {
            return List.of();
        }
        boolean recovers = random.nextDouble() >= NEVER_RECOVER_SHARE;
        double improvement = recovers ? 0.3 + 0.3 * random.nextDouble() : 0;
        int users = Caseload.personCount(seed, office);
        double sheets = users * 21 * (0.8 + 0.4 * random.nextDouble());
        double inputHours = users * 0.18 * (0.8 + 0.4 * random.nextDouble());
        double overtime = office.careManagers() * 9 * (0.7 + 0.6 * random.nextDouble());
        double leave = 45 + 25 * random.nextDouble();
        YearMonth adoption = YearMonth.from(office.licenseStart());
        List<EffectReport> reports = new ArrayList<>();
        for (YearMonth month = adoption.minusMonths(BASELINE_MONTHS); !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            long since = NationalAdoption.monthsBetween(adoption, month);
            double work = indirectWork(since, improvement, recovers) * noise(random);
            double paper = paperShare(since, improvement) * noise(random);
            long sheetsPrinted = Math.round(sheets * paper);
            reports.add(new EffectReport(office.officeNumber(), month, sheetsPrinted, hours(inputHours * work),
                    Math.round(sheetsPrinted * 14.3), (long) Draws.poisson(random, users * 0.062 * (recovers ? paper : 1)),
                    hours(overtime * work), hours(Math.min(100, leave + (1 - work) * 20)),
                    BigDecimal.valueOf(office.careManagers()), users));
        }
        return reports;
    }

    /**
     * Indirect work relative to the baseline, by months since adoption: 1 before, a dip that peaks one to two months
     * after, then a decline to {@code 1 - improvement} (half of it within about four months); offices that never
     * recover settle 8% above the baseline.
     */
    static double indirectWork(long monthsSinceAdoption, double improvement, boolean recovers) {
        if (monthsSinceAdoption < 0) {
            return 1;
        }
        double dip = DIP_HEIGHT * Math.exp(-Math.pow(monthsSinceAdoption - 1.5, 2) / 4);
        if (!recovers) {
            return 1 + Math.max(dip, 0.08 * Math.min(1, monthsSinceAdoption / 3.0));
        }
        return 1 + dip - improvement * (1 - Math.exp(-monthsSinceAdoption / 6.0));
    }

    /** Sheets printed fall without a dip: each partner that links stops receiving paper. */
    private static double paperShare(long monthsSinceAdoption, double improvement) {
        return monthsSinceAdoption < 0 ? 1 : 1 - improvement * 0.8 * (1 - Math.exp(-monthsSinceAdoption / 5.0));
    }

    private static double noise(SplittableRandom random) {
        return 1 + 0.05 * Draws.gaussian(random);
    }

    private static BigDecimal hours(double value) {
        return BigDecimal.valueOf(Math.max(0, value)).setScale(2, RoundingMode.HALF_UP);
    }
}
