package jp.renkei.analytics.marts.improvement;

import static jp.renkei.analytics.Frames.row;
import static jp.renkei.analytics.Frames.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.renkei.analytics.staging.LandingStaging;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Four offices (100 users each, so input hours = hours per user × 100):
 * <pre>
 * office      license     baseline  months since adoption → hours per user
 * 3112010018  2025-07-01  0.20      −7: 0.50 (outside the window), −6…−1: 0.20, 0: 0.25, 1: 0.32, 2: 0.25, 3: 0.20, 4: 0.16
 * 3112010026  2025-07-10  0.20      −1: 0.20, 0: 0.20
 * 3112020016  2025-07-20  0.20      −1: 0.20, 0: 0.16, 1: no users
 * 3112030014  2026-02-01  none      0: 0.30 (no report before adoption: no index)
 * </pre>
 */
class ImprovementTransformTest {
    private static Map<String, Row> officeRows;
    private static Map<String, Row> curveRows;

    @BeforeAll
    static void transform() {
        List<String[]> reports = new ArrayList<>();
        for (int month = -6; month <= -1; month++) {
            reports.add(report("3112010018", YearMonth.of(2025, 7).plusMonths(month), 0.20));
        }
        reports.add(report("3112010018", YearMonth.of(2024, 12), 0.50));
        double[] after = {0.25, 0.32, 0.25, 0.20, 0.16};
        for (int month = 0; month < after.length; month++) {
            reports.add(report("3112010018", YearMonth.of(2025, 7).plusMonths(month), after[month]));
        }
        reports.add(report("3112010026", YearMonth.of(2025, 6), 0.20));
        reports.add(report("3112010026", YearMonth.of(2025, 7), 0.20));
        reports.add(report("3112020016", YearMonth.of(2025, 6), 0.20));
        reports.add(report("3112020016", YearMonth.of(2025, 7), 0.16));
        reports.add(row("3112020016", "2025-08", "5", "", "0", "2026-11-01"));
        reports.add(report("3112030014", YearMonth.of(2026, 2), 0.30));
        Dataset<Row> effectReports = LandingStaging.effectReports(strings(
                "office_number,month,sheets_printed,input_hours,paper_postage_yen,returned_claims,overtime_hours,"
                        + "paid_leave_rate,care_managers_fte,users,dt",
                reports.stream().map(ImprovementTransformTest::landingRow).toArray(String[][]::new)));
        Dataset<Row> applications = LandingStaging.applications(strings(
                "office_number,service_type,applied_on,license_start,license_end,plan,dt",
                row("3112010018", "43", "2025-06-20", "2025-07-01", "", "paid", "2026-11-01"),
                row("3112010026", "43", "2025-07-01", "2025-07-10", "", "paid", "2026-11-01"),
                row("3112020016", "43", "2025-07-01", "2025-07-20", "", "paid", "2026-11-01"),
                row("3112030014", "43", "2026-01-20", "2026-02-01", "", "free_pass", "2026-11-01")));

        Dataset<Row> offices = ImprovementTransform.offices(effectReports, applications);
        officeRows = new TreeMap<>();
        offices.collectAsList().forEach(r -> officeRows.put(r.getAs("office_number") + "/" + r.getAs("month"), r));
        curveRows = new TreeMap<>();
        ImprovementTransform.curve(offices).collectAsList()
                .forEach(r -> curveRows.put(r.getAs("cohort") + "/" + r.getAs("months_since_adoption"), r));
        assertThat(offices.columns()).containsExactlyElementsOf(Mart.IMPROVEMENT_OFFICE.columnNames());
    }

    @Test
    void theIndexIsTheBaselineOverTheMonthsHoursAndTheWindowIsMinusSixToTwentyFour() {
        Row dip = officeRows.get("3112010018/2025-08");
        assertThat(dip.<Integer>getAs("months_since_adoption")).isEqualTo(1);
        assertThat(dip.<Double>getAs("baseline_hours_per_user")).isCloseTo(0.20, within(1e-9));
        assertThat(dip.<Double>getAs("productivity_index")).isCloseTo(0.625, within(1e-9));
        assertThat(officeRows.get("3112010018/2025-11").<Double>getAs("productivity_index")).isCloseTo(1.25, within(1e-9));
        assertThat(officeRows).doesNotContainKey("3112010018/2024-12");
        assertThat(dip.<String>getAs("cohort")).isEqualTo("FY2025");
        assertThat(dip.<String>getAs("adoption_month")).isEqualTo("2025-07");
        assertThat(dip.<String>getAs("prefecture_code")).isEqualTo("31");
    }

    @Test
    void theDipIsTheLowestIndexAfterAdoptionAndRecoveryTheFirstLaterMonthBackAtOne() {
        Row office = officeRows.get("3112010018/2025-01");
        assertThat(office.<Double>getAs("dip_depth")).isCloseTo(0.375, within(1e-9));
        assertThat(office.<Integer>getAs("dip_month")).isEqualTo(1);
        assertThat(office.<Integer>getAs("recovered_month")).isEqualTo(3);
        Row neverDipped = officeRows.get("3112020016/2025-07");
        assertThat(neverDipped.<Double>getAs("dip_depth")).isCloseTo(-0.25, within(1e-9));
        assertThat(neverDipped.<Object>getAs("recovered_month")).isNull();
    }

    @Test
    void withoutABaselineOrUsersThereIsNoIndex() {
        Row noBaseline = officeRows.get("3112030014/2026-02");
        assertThat(noBaseline.<Object>getAs("baseline_hours_per_user")).isNull();
        assertThat(noBaseline.<Object>getAs("productivity_index")).isNull();
        assertThat(noBaseline.<Object>getAs("dip_depth")).isNull();
        assertThat(officeRows.get("3112020016/2025-08").<Object>getAs("hours_per_user")).isNull();
        assertThat(noBaseline.<String>getAs("cohort")).isEqualTo("FY2025");
    }

    @Test
    void theCurveGivesQuartilesOfTheOfficesWithAnIndexPerCohortAndForAll() {
        Row adoptionMonth = curveRows.get("all/0");
        assertThat(adoptionMonth.<Long>getAs("offices")).isEqualTo(3);
        assertThat(adoptionMonth.<Double>getAs("index_p25")).isCloseTo(0.9, within(1e-9));
        assertThat(adoptionMonth.<Double>getAs("index_median")).isCloseTo(1.0, within(1e-9));
        assertThat(adoptionMonth.<Double>getAs("index_p75")).isCloseTo(1.125, within(1e-9));
        assertThat(adoptionMonth.<Long>getAs("offices_at_baseline")).isEqualTo(2);
        assertThat(curveRows.get("FY2025/0").<Long>getAs("offices")).isEqualTo(3);
        assertThat(curveRows.get("FY2025/1").<Long>getAs("offices")).isEqualTo(1);
    }

    private static String[] report(String office, YearMonth month, double hoursPerUser) {
        return row(office, month.toString(), String.format(java.util.Locale.ROOT, "%.2f", hoursPerUser * 100), "", "100", "2026-11-01");
    }

    /** office, month, input hours, overtime, users, dt → the landing row. */
    private static String[] landingRow(String[] report) {
        return row(report[0], report[1], "", report[2], "", "", report[3], "", "", report[4], report[5]);
    }
}
