package jp.renkei.analytics.marts.agreement;

import static jp.renkei.analytics.Frames.row;
import static jp.renkei.analytics.Frames.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.analytics.staging.LandingStaging;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The care manager 3112010018 plans August 2025 for one person with 訪問介護 3112010026 (Mondays 09:00) and 通所介護
 * 3112020016 (one day), sending the whole 第6表 to each (m1, m2). 026 sends its actuals back (m3, landed twice by a
 * relay replay): the 4th as planned, the 11th at 09:30, the 18th not at all, the 25th unplanned. 016's actuals (m4)
 * are held, not delivered. A plan re-sent to 016 (m5) replaces m2 for it.
 */
class PlanActualAgreementTransformTest {
    private static final String PERSON = "ab".repeat(32);
    private static Map<String, Row> rows;

    @BeforeAll
    static void transform() {
        Dataset<Row> lines = LandingStaging.scheduleLines(strings(
                String.join(",", LandingDataset.SCHEDULE_LINES.columns()),
                line("m1", "UPPLAN", "2025-08-04", "111211", "3112010026", "0900"),
                line("m1", "UPPLAN", "2025-08-11", "111211", "3112010026", "0900"),
                line("m1", "UPPLAN", "2025-08-18", "111211", "3112010026", "0900"),
                line("m1", "UPPLAN", "2025-08-05", "151111", "3112020016", "1000"),
                line("m2", "UPPLAN", "2025-08-04", "111211", "3112010026", "0900"),
                line("m2", "UPPLAN", "2025-08-11", "111211", "3112010026", "0900"),
                line("m2", "UPPLAN", "2025-08-18", "111211", "3112010026", "0900"),
                line("m2", "UPPLAN", "2025-08-05", "151111", "3112020016", "1000"),
                line("m3", "UPJSK", "2025-08-04", "111211", "3112010026", "0900"),
                line("m3", "UPJSK", "2025-08-11", "111211", "3112010026", "0930"),
                line("m3", "UPJSK", "2025-08-25", "111211", "3112010026", "0900"),
                line("m3", "UPJSK", "2025-08-04", "111211", "3112010026", "0900"),
                line("m4", "UPJSK", "2025-08-05", "151111", "3112020016", "1000"),
                // 016's plan sent again later: the 5th moves to the 6th, which replaces m2 for 016
                line("m5", "UPPLAN", "2025-08-06", "151111", "3112020016", "1000"),
                line("m5", "UPPLAN", "2025-08-04", "111211", "3112010026", "0900")));
        Dataset<Row> exchanges = LandingStaging.exchanges(strings(
                "message_id,kind,sender_office,recipient_office,target_month,records,persons,status,delivered_at,received_at",
                row("m1", "UPPLAN", "3112010018", "3112010026", "2025-08", "4", "1", "delivered", "2025-08-01T00:00:00Z", "2025-08-01T00:00:00Z"),
                row("m2", "UPPLAN", "3112010018", "3112020016", "2025-08", "4", "1", "delivered", "2025-08-01T00:00:00Z", "2025-08-01T00:00:00Z"),
                row("m3", "UPJSK", "3112010026", "3112010018", "2025-08", "3", "1", "delivered", "2025-08-31T00:00:00Z", "2025-08-31T00:00:00Z"),
                row("m4", "UPJSK", "3112020016", "3112010018", "2025-08", "1", "1", "held", "", "2025-08-31T00:00:00Z"),
                row("m5", "UPPLAN", "3112010018", "3112020016", "2025-08", "2", "1", "delivered", "2025-08-03T00:00:00Z", "2025-08-03T00:00:00Z")));

        Dataset<Row> agreement = PlanActualAgreementTransform.apply(lines, exchanges, MonthRange.of("2025-08", "2025-08"));
        assertThat(agreement.columns()).containsExactlyElementsOf(Mart.PLAN_ACTUAL_AGREEMENT.columnNames());
        rows = new TreeMap<>();
        agreement.collectAsList().forEach(r -> rows.put(r.getAs("office_number"), r));
    }

    @Test
    void eachPlannedLineIsMatchedMovedOrCancelledAndEachUnplannedActualIsAdded() {
        Row homeHelp = rows.get("3112010026");
        assertThat(homeHelp.<Long>getAs("planned_lines")).as("the plan sent twice counts once").isEqualTo(3);
        assertThat(homeHelp.<Long>getAs("actual_lines")).as("the replayed actuals count once").isEqualTo(3);
        assertThat(homeHelp.<Long>getAs("matched_lines")).isEqualTo(1);
        assertThat(homeHelp.<Long>getAs("moved_lines")).isEqualTo(1);
        assertThat(homeHelp.<Long>getAs("cancelled_lines")).isEqualTo(1);
        assertThat(homeHelp.<Long>getAs("added_lines")).isEqualTo(1);
        assertThat(homeHelp.<Boolean>getAs("actuals_received")).isTrue();
        assertThat(homeHelp.<Double>getAs("agreement_rate")).isCloseTo(1 / 3.0, within(1e-9));
    }

    @Test
    void withoutDeliveredActualsThePlanStandsAndTheRateIsUnknown() {
        Row dayCare = rows.get("3112020016");
        assertThat(dayCare.<Long>getAs("planned_lines")).as("the re-sent plan's one line, not the first plan's").isEqualTo(1);
        assertThat(dayCare.<Long>getAs("actual_lines")).isZero();
        assertThat(dayCare.<Boolean>getAs("actuals_received")).isFalse();
        assertThat(dayCare.<Object>getAs("agreement_rate")).isNull();
        assertThat(rows).containsOnlyKeys("3112010026", "3112020016");
    }

    /**
     * 018 plans two visits of 026 for the person and one for a second person (p1), then deletes the person's plan
     * (d1). 026's actuals (a1) hold its 訪問介護 (11) and 訪問看護 (13) lines; it then deletes its 13 actuals (d2).
     */
    @Test
    void aLaterDeleteRemovesThePersonsPlanOrOneServiceTypeOfTheOfficesActuals() {
        String other = "cd".repeat(32);
        Map<String, Row> deleted = agreement(
                new String[][] {
                        line("p1", "UPPLAN", "2025-08-04", "111211", "3112010026", "0900"),
                        line("p1", "UPPLAN", "2025-08-11", "111211", "3112010026", "0900"),
                        line("p1", other, "UPPLAN", "2025-08-04", "111211", "3112010026", "1000"),
                        line("d1", "DLTPLAN", "", "", "", ""),
                        line("a1", "UPJSK", "2025-08-04", "111211", "3112010026", "0900"),
                        line("a1", "UPJSK", "2025-08-05", "131111", "3112010026", "1400"),
                        line("d2", "DLTJSK", "", "13", "3112010026", "")},
                exchange("p1", "UPPLAN", "3112010018", "3112010026", "2025-08-01"),
                exchange("d1", "DLTPLAN", "3112010018", "3112010026", "2025-08-02"),
                exchange("a1", "UPJSK", "3112010026", "3112010018", "2025-08-31"),
                exchange("d2", "DLTJSK", "3112010026", "3112010018", "2025-09-01"));

        Row homeHelp = deleted.get("3112010026");
        assertThat(homeHelp.<Long>getAs("planned_lines")).as("only the other person's line is still planned").isEqualTo(1);
        assertThat(homeHelp.<Long>getAs("actual_lines")).as("the 訪問看護 actuals are deleted").isEqualTo(1);
        assertThat(homeHelp.<Long>getAs("added_lines")).isEqualTo(1);
        assertThat(homeHelp.<Long>getAs("cancelled_lines")).isEqualTo(1);
    }

    @Test
    void aPlanOrActualsSentAfterTheirDeleteCountAgain() {
        Map<String, Row> resent = agreement(
                new String[][] {
                        line("d1", "DLTPLAN", "", "", "", ""),
                        line("p2", "UPPLAN", "2025-08-04", "111211", "3112010026", "0900"),
                        line("d2", "DLTJSK", "", "11", "3112010026", ""),
                        line("a2", "UPJSK", "2025-08-04", "111211", "3112010026", "0900")},
                exchange("d1", "DLTPLAN", "3112010018", "3112010026", "2025-08-02"),
                exchange("p2", "UPPLAN", "3112010018", "3112010026", "2025-08-03"),
                exchange("d2", "DLTJSK", "3112010026", "3112010018", "2025-08-30"),
                exchange("a2", "UPJSK", "3112010026", "3112010018", "2025-08-31"));

        Row homeHelp = resent.get("3112010026");
        assertThat(homeHelp.<Long>getAs("planned_lines")).isEqualTo(1);
        assertThat(homeHelp.<Long>getAs("matched_lines")).isEqualTo(1);
        assertThat(homeHelp.<Double>getAs("agreement_rate")).isEqualTo(1.0);
    }

    /** A rental (福祉用具貸与) is listed for the month, without a date or a start time, on both sides. */
    @Test
    void aLineWithoutDateOrTimeMatchesTheSameLineInTheActuals() {
        Map<String, Row> rental = agreement(
                new String[][] {
                        line("r1", "UPPLAN", "", "171111", "3112030014", ""),
                        line("r2", "UPJSK", "", "171111", "3112030014", "")},
                exchange("r1", "UPPLAN", "3112010018", "3112030014", "2025-08-01"),
                exchange("r2", "UPJSK", "3112030014", "3112010018", "2025-08-31"));

        Row welfareEquipment = rental.get("3112030014");
        assertThat(welfareEquipment.<Long>getAs("planned_lines")).isEqualTo(1);
        assertThat(welfareEquipment.<Long>getAs("matched_lines")).isEqualTo(1);
        assertThat(welfareEquipment.<Double>getAs("agreement_rate")).isEqualTo(1.0);
    }

    /**
     * The nation's 122 M lines decide the plan's shape: after the lines are shuffled by person and month, one sort
     * serves every window and only the roll-up to office and month shuffles again. A plan that shuffled or sorted the
     * lines for each rule did not finish at that size (docs/demo-nation.md).
     */
    @Test
    void theLinesAreShuffledOnceAndSortedOnce() {
        String plan = transform(
                new String[][] {line("m1", "UPPLAN", "2025-08-04", "111211", "3112010026", "0900")},
                exchange("m1", "UPPLAN", "3112010018", "3112010026", "2025-08-01"))
                .queryExecution().executedPlan().toString();

        int linesShuffle = plan.indexOf("Exchange hashpartitioning(person_key");
        assertThat(linesShuffle).as(plan).isPositive();
        String afterTheShuffle = plan.substring(0, linesShuffle);
        assertThat(occurrences(afterTheShuffle, "Exchange ")).as(plan).isEqualTo(1);
        assertThat(occurrences(afterTheShuffle, "Sort [")).as(plan).isEqualTo(1);
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static Map<String, Row> agreement(String[][] lines, String[]... exchanges) {
        Map<String, Row> byOffice = new TreeMap<>();
        transform(lines, exchanges).collectAsList().forEach(r -> byOffice.put(r.getAs("office_number"), r));
        return byOffice;
    }

    /** The transform for August 2025 over these landed lines and exchanges, staged as the pipeline stages them. */
    private static Dataset<Row> transform(String[][] lines, String[]... exchanges) {
        Dataset<Row> staged = LandingStaging.scheduleLines(strings(
                String.join(",", LandingDataset.SCHEDULE_LINES.columns()), lines));
        Dataset<Row> exchanged = LandingStaging.exchanges(strings(
                "message_id,kind,sender_office,recipient_office,target_month,records,persons,status,delivered_at,received_at",
                exchanges));
        return PlanActualAgreementTransform.apply(staged, exchanged, MonthRange.of("2025-08", "2025-08"));
    }

    private static String[] exchange(String message, String kind, String sender, String recipient, String day) {
        String at = day + "T00:00:00Z";
        return row(message, kind, sender, recipient, "2025-08", "1", "1", "delivered", at, at);
    }

    private static String[] line(String message, String person, String kind, String date, String code, String office,
            String start) {
        return row(message, kind, person, "312011", "2025-08", date, code, office, "244", start, "", "1");
    }

    private static String[] line(String message, String kind, String date, String code, String office, String start) {
        return row(message, kind, PERSON, "312011", "2025-08", date, code, office, "244", start, "", "1");
    }
}
