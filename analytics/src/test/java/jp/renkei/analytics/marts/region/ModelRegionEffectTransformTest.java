package jp.renkei.analytics.marts.region;

import static jp.renkei.analytics.Frames.row;
import static jp.renkei.analytics.Frames.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.analytics.staging.LandingStaging;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 鳥取県 with two regions starting 2025-07: R1 = 鳥取市 (312011) and one office of 米子市; R2 = one office of 倉吉市,
 * over its ¥8.5M cap. Offices outside both are the comparison.
 * <pre>
 * office      type  where   region      applied      exchanges
 * 3112010018  43    312011  R1          2025-06-20   2025-08: → 3112010026 (inside R1), → 3112030022
 * 3112010026  11    312011  R1          2025-08-05
 * 3112010034  51    312011  (facility: out of scope)
 * 3112020016  43    312029  R1 (member)
 * 3112020024  11    312029  comparison  2025-09-01
 * 3112030014  43    312037  R2
 * 3112030022  11    312037  comparison
 * </pre>
 */
class ModelRegionEffectTransformTest {
    private static final MonthRange RANGE = MonthRange.of("2025-07", "2025-09");
    private static Map<String, Row> rows;
    private static String[] columns;

    @BeforeAll
    static void transform() {
        Dataset<Row> regions = LandingStaging.modelRegions(strings(
                "prefecture_code,region_id,region_name,budget_yen,start_month,member_type,member_code,dt",
                row("31", "R1", "東部", "8000000", "2025-07", "municipality", "312011", "2026-11-01"),
                row("31", "R1", "東部", "8000000", "2025-07", "office", "3112020016", "2026-11-01"),
                row("31", "R2", "中部", "9000000", "2025-07", "office", "3112030014", "2026-11-01"),
                // an older landing of the prefecture's regions: replaced whole by the newer one
                row("31", "R3", "旧", "1000000", "2024-07", "municipality", "312029", "2026-10-01")));
        Dataset<Row> offices = LandingStaging.offices(strings(
                "office_number,service_type,office_name,municipality_code,prefecture_code,dt",
                row("3112010018", "43", "a", "312011", "31", "2026-11-01"),
                row("3112010026", "11", "b", "312011", "31", "2026-11-01"),
                row("3112010034", "51", "c", "312011", "31", "2026-11-01"),
                row("3112020016", "43", "d", "312029", "31", "2026-11-01"),
                row("3112020024", "11", "e", "312029", "31", "2026-11-01"),
                row("3112030014", "43", "f", "312037", "31", "2026-11-01"),
                row("3112030022", "11", "g", "312037", "31", "2026-11-01")));
        Dataset<Row> applications = LandingStaging.applications(strings(
                "office_number,service_type,applied_on,license_start,license_end,plan,dt",
                row("3112010018", "43", "2025-06-20", "2025-07-01", "", "paid", "2026-11-01"),
                row("3112010026", "11", "2025-08-05", "2025-08-10", "", "paid", "2026-11-01"),
                row("3112020024", "11", "2025-09-01", "2025-09-05", "", "paid", "2026-11-01")));
        Dataset<Row> exchanges = LandingStaging.exchanges(strings(
                "message_id,kind,sender_office,recipient_office,target_month,records,persons,status,delivered_at,received_at",
                row("m1", "UPPLAN", "3112010018", "3112010026", "2025-08", "20", "2", "delivered", "2025-08-01T00:00:00Z",
                        "2025-08-01T00:00:00Z"),
                row("m2", "UPPLAN", "3112010018", "3112030022", "2025-08", "8", "1", "delivered", "2025-08-01T00:00:00Z",
                        "2025-08-01T00:00:00Z"),
                row("m3", "UPPLAN", "3112010018", "3112010026", "2025-09", "20", "2", "held", "",
                        "2025-09-01T00:00:00Z")));

        Dataset<Row> effect = ModelRegionEffectTransform.apply(regions, offices, applications, exchanges, RANGE);
        columns = effect.columns();
        rows = new TreeMap<>();
        effect.collectAsList().forEach(r -> rows.put(r.getAs("region_id") + "/" + r.getAs("month"), r));
    }

    @Test
    void oneRowPerRegionAndMonthOfTheRangeWithTheContractsColumns() {
        assertThat(columns).containsExactlyElementsOf(Mart.MODEL_REGION_EFFECT.columnNames());
        assertThat(rows.keySet()).containsExactly("R1/2025-07", "R1/2025-08", "R1/2025-09", "R2/2025-07", "R2/2025-08",
                "R2/2025-09");
    }

    @Test
    void aRegionHoldsItsMemberOfficesAndTheInScopeOfficesOfItsMunicipalities() {
        Row september = rows.get("R1/2025-09");
        assertThat(september.<Long>getAs("region_offices")).isEqualTo(3);
        assertThat(september.<Long>getAs("region_applied")).isEqualTo(2);
        assertThat(september.<Double>getAs("region_application_rate")).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(september.<Long>getAs("comparison_offices")).isEqualTo(2);
        assertThat(september.<Long>getAs("comparison_applied")).isEqualTo(1);
        assertThat(september.<Integer>getAs("months_since_start")).isEqualTo(2);
        assertThat(rows.get("R2/2025-09").<Long>getAs("region_offices")).isEqualTo(1);
    }

    @Test
    void activityAndLinkedPairsCountOnlyDeliveredFilesInsideTheRegion() {
        Row august = rows.get("R1/2025-08");
        assertThat(august.<Long>getAs("region_active")).isEqualTo(2);
        assertThat(august.<Long>getAs("region_files")).isEqualTo(1);
        assertThat(august.<Long>getAs("region_linked_pairs")).isEqualTo(1);
        assertThat(august.<Long>getAs("comparison_active")).isEqualTo(1);
        Row september = rows.get("R1/2025-09");
        assertThat(september.<Long>getAs("region_active")).isZero();
        assertThat(september.<Long>getAs("region_files")).isZero();
    }

    @Test
    void theDifferenceInDifferencesComparesEachSideWithItsMonthBeforeTheStart() {
        // R1: 1/3 applied in 2025-06, 2/3 in 2025-09; comparison: 0 of 2, then 1 of 2.
        Row september = rows.get("R1/2025-09");
        assertThat(september.<Double>getAs("did_estimate")).isCloseTo((2 / 3.0 - 1 / 3.0) - 0.5, within(1e-9));
        double standardError = Math.sqrt((2 / 3.0) * (1 / 3.0) / 3 + (1 / 3.0) * (2 / 3.0) / 3 + 0.25 / 2);
        assertThat(september.<Double>getAs("did_ci_low"))
                .isCloseTo((2 / 3.0 - 1 / 3.0) - 0.5 - 1.959964 * standardError, within(1e-6));
        assertThat(september.<Double>getAs("did_ci_high"))
                .isCloseTo((2 / 3.0 - 1 / 3.0) - 0.5 + 1.959964 * standardError, within(1e-6));
        assertThat(rows.get("R1/2025-07").<Double>getAs("did_estimate")).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void budgetsAreCheckedAgainstTheCapsAndAnOlderLandingOfThePrefectureIsReplaced() {
        assertThat(rows.get("R1/2025-07").<Boolean>getAs("within_caps")).isTrue();
        assertThat(rows.get("R2/2025-07").<Boolean>getAs("within_caps")).isFalse();
        assertThat(rows.get("R1/2025-07").<Long>getAs("prefecture_budget_yen")).isEqualTo(17_000_000L);
        assertThat(rows.keySet()).noneMatch(key -> key.startsWith("R3/"));
    }
}
