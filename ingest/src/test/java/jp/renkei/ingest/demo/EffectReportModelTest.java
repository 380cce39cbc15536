package jp.renkei.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.ingest.municipality.Municipality;
import jp.renkei.ingest.reports.EffectReport;
import jp.renkei.ingest.standard.ServiceType;
import org.junit.jupiter.api.Test;

/**
 * The effect reports of many adopting offices show the U字の法則: indirect work per user rises in the months after
 * adoption, then falls below the office's own baseline; a share of offices never gets back below it.
 */
class EffectReportModelTest {
    private static final long SEED = 11;
    private static final YearMonth ADOPTION = YearMonth.of(2024, 4);
    private static final YearMonth LAST_MONTH = YearMonth.of(2026, 10);
    private static final Municipality TOWN = new Municipality("313025", "31", "鳥取県", "岩美町", "いわみちょう", List.of());

    @Test
    void indirectWorkPerUserDipsThenRecoversBelowTheBaseline() {
        Map<Long, List<Double>> ratiosByMonth = ratiosByMonthsSinceAdoption(3_000);

        assertThat(median(ratiosByMonth.get(-3L))).as("before adoption").isBetween(0.95, 1.05);
        assertThat(median(ratiosByMonth.get(1L))).as("a month after adoption").isGreaterThan(1.1);
        assertThat(median(ratiosByMonth.get(2L))).as("two months after").isGreaterThan(1.05);
        assertThat(median(ratiosByMonth.get(12L))).as("a year after").isLessThan(0.85);
        assertThat(median(ratiosByMonth.get(24L))).as("two years after").isLessThan(0.75);
        double neverRecovered = ratiosByMonth.get(24L).stream().filter(ratio -> ratio >= 1.0).count()
                / (double) ratiosByMonth.get(24L).size();
        assertThat(neverRecovered).as("offices still above their baseline after two years")
                .isBetween(EffectReportModel.NEVER_RECOVER_SHARE - 0.05, EffectReportModel.NEVER_RECOVER_SHARE + 0.05);
    }

    @Test
    void aboutAThirdOfAdoptersReportAndNonAdoptersNever() {
        EffectReportModel model = new EffectReportModel(SEED);
        int reporting = 0;
        int offices = 3_000;
        for (int i = 0; i < offices; i++) {
            if (!model.reports(office(i, true), LAST_MONTH).isEmpty()) {
                reporting++;
            }
            assertThat(model.reports(office(i, false), LAST_MONTH)).isEmpty();
        }
        assertThat(reporting / (double) offices).isBetween(EffectReportModel.REPORTING_SHARE - 0.03,
                EffectReportModel.REPORTING_SHARE + 0.03);
    }

    private static Map<Long, List<Double>> ratiosByMonthsSinceAdoption(int offices) {
        EffectReportModel model = new EffectReportModel(SEED);
        Map<Long, List<Double>> ratios = new HashMap<>();
        for (int i = 0; i < offices; i++) {
            List<EffectReport> reports = model.reports(office(i, true), LAST_MONTH);
            if (reports.isEmpty()) {
                continue;
            }
            double baseline = reports.stream().filter(report -> report.month().isBefore(ADOPTION))
                    .mapToDouble(EffectReportModelTest::hoursPerUser).average().orElseThrow();
            for (EffectReport report : reports) {
                long since = NationalAdoption.monthsBetween(ADOPTION, report.month());
                ratios.computeIfAbsent(since, key -> new ArrayList<>()).add(hoursPerUser(report) / baseline);
            }
        }
        return ratios;
    }

    private static double hoursPerUser(EffectReport report) {
        return report.inputHours().add(report.overtimeHours()).doubleValue() / report.users();
    }

    private static DemoOffice office(int serial, boolean adopted) {
        LocalDate start = adopted ? ADOPTION.atDay(3) : null;
        return new DemoOffice(String.format("317302%04d", serial), ServiceType.CARE_MANAGEMENT, "さくらケアプランセンター",
                TOWN, TOWN.code(), 3, 1.0, start, start);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
