package jp.renkei.analytics.marts.savings;

import static jp.renkei.analytics.Frames.row;
import static jp.renkei.analytics.Frames.strings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.TreeMap;
import jp.renkei.analytics.Frames;
import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.analytics.staging.LandingStaging;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * A 居宅介護支援 office (3112010018, licensed 2025-07) and its partners in 2025-08:
 * <pre>
 * m1 UPPLAN  018 → 026  20 lines, 2 persons   delivered
 * m2 UPSIKYU 018 → 026   4 lines, 2 persons   delivered (a 第7表: no document of its own)
 * m3 UPPLAN  018 → 016   8 lines, 1 person    delivered
 * m4 UPJSK   026 → 018  16 lines, 2 persons   delivered
 * m5 UPPLAN  018 → 014   8 lines, 1 person    held: saved nothing yet
 * </pre>
 */
class OfficeSavingsTransformTest {
    private static final String EXCHANGE_COLUMNS =
            "message_id,kind,sender_office,recipient_office,target_month,records,persons,status,delivered_at,received_at";
    private static final SavingsModel MODEL = SavingsModel.defaults();

    @Test
    void senderSavesPaperPostageAndHandlingAndReceiverSavesKeyingIn() {
        Map<String, Row> rows = savings(LandingStaging.exchanges(strings(EXCHANGE_COLUMNS,
                exchange("m1", "UPPLAN", "3112010018", "3112010026", "20", "2", "delivered"),
                exchange("m2", "UPSIKYU", "3112010018", "3112010026", "4", "2", "delivered"),
                exchange("m3", "UPPLAN", "3112010018", "3112020016", "8", "1", "delivered"),
                exchange("m4", "UPJSK", "3112010026", "3112010018", "16", "2", "delivered"),
                exchange("m5", "UPPLAN", "3112010018", "3112030014", "8", "1", "held"))));

        Row careManager = rows.get("3112010018");
        assertThat(careManager.<Long>getAs("files_sent")).isEqualTo(3);
        assertThat(careManager.<Long>getAs("files_received")).isEqualTo(1);
        assertThat(careManager.<Long>getAs("documents_sent")).isEqualTo(3);
        assertThat(careManager.<Long>getAs("lines_received")).isEqualTo(16);
        assertThat(careManager.<Long>getAs("linked_partners")).isEqualTo(2);
        assertThat(careManager.<Long>getAs("partners_to_bonus")).isEqualTo(3);
        assertThat(careManager.<Double>getAs("sheets_saved")).isCloseTo(6.0, within(1e-9));
        assertThat(careManager.<Double>getAs("postage_saved_yen")).isCloseTo(165.0, within(1e-9));
        assertThat(careManager.<Double>getAs("handling_hours_saved")).isCloseTo(0.15, within(1e-9));
        assertThat(careManager.<Double>getAs("transcription_hours_saved")).isCloseTo(16 * 0.5 / 60, within(1e-9));
        double savings = 6 * 10 + 165 + (0.15 + 16 * 0.5 / 60) * 2100;
        assertThat(careManager.<Double>getAs("savings_yen")).isCloseTo(savings, within(1e-6));
        assertThat(careManager.<Double>getAs("net_savings_yen")).isCloseTo(savings - 21_000 / 12.0, within(1e-6));
        assertThat(careManager.<String>getAs("municipality_code")).isEqualTo("312011");

        Row serviceOffice = rows.get("3112010026");
        assertThat(serviceOffice.<Long>getAs("documents_sent")).isEqualTo(2);
        assertThat(serviceOffice.<Long>getAs("lines_received")).as("UPPLAN lines; the 第7表 rows are not keyed in")
                .isEqualTo(20);
        assertThat(rows).doesNotContainKey("3112030014");
    }

    @Test
    void theOfficesOwnReportStandsBesideTheModelWithItsPreAdoptionBaseline() {
        Map<String, Row> rows = savings(LandingStaging.exchanges(strings(EXCHANGE_COLUMNS,
                exchange("m1", "UPPLAN", "3112010018", "3112010026", "20", "2", "delivered"))));

        Row careManager = rows.get("3112010018");
        assertThat(careManager.<Double>getAs("reported_sheets_printed")).isCloseTo(1300.0, within(1e-9));
        assertThat(careManager.<Double>getAs("baseline_sheets_printed")).isCloseTo(2100.0, within(1e-9));
        assertThat(careManager.<Double>getAs("reported_input_hours")).isCloseTo(7.2, within(1e-9));
        assertThat(careManager.<Double>getAs("baseline_input_hours")).isCloseTo(18.0, within(1e-9));
        assertThat(careManager.<Double>getAs("savings_yen")).as("the report never enters the model")
                .isCloseTo(2 * 2 * 10 + 2 * 55 + 2 * 3 / 60.0 * 2100, within(1e-6));
    }

    /**
     * 140 users for 3 care managers (46.7 each): under (Ⅰ) places 135 … 140 fall to band (ⅱ), under (Ⅱ) all stay in
     * (ⅰ) — 6 users × (0.55 × (1,086 − 544) + 0.45 × (1,411 − 704)) = 3,697.5 units, ¥36,975 at ¥10 a unit.
     */
    @Test
    void bandTwoPaysTheUsersFrom45To49PerCareManagerAtTheFullRate() {
        Map<String, Row> rows = savings(LandingStaging.exchanges(strings(EXCHANGE_COLUMNS,
                exchange("m1", "UPPLAN", "3112010018", "3112010026", "20", "2", "delivered"))));

        Row careManager = rows.get("3112010018");
        assertThat(careManager.<Long>getAs("reported_users")).isEqualTo(140L);
        assertThat(careManager.<Double>getAs("cases_per_care_manager")).isCloseTo(140 / 3.0, within(1e-9));
        assertThat(careManager.<Double>getAs("band_ii_revenue_effect_yen")).isCloseTo(36_975.0, within(1e-6));
        assertThat(rows.get("3112010026").<Double>getAs("band_ii_revenue_effect_yen"))
                .as("a 訪問介護 office without a report").isNull();
    }

    /**
     * Below 45 per care manager both schemes pay (ⅰ); above 50 (Ⅱ) pays a little less per user in (ⅱ) and (ⅲ):
     * 62 users for one care manager: (Ⅰ) 44 × 1,232.25 + 15 × 616 + 3 × 369.2 = 64,566.6 units; (Ⅱ) 49 × 1,232.25
     * + 10 × 597.2 + 3 × 358.3 = 67,427.15: +¥28,605.5. Not a 居宅介護支援 office: null, even with a report.
     */
    @Test
    void theBandsFollowThePlaceOfEachUserInTheOfficesCount() {
        Dataset<Row> offices = Frames.typed("reported_users bigint, reported_care_managers_fte double, _care_management boolean",
                new Object[] {44L, 1.0, true}, new Object[] {62L, 1.0, true}, new Object[] {62L, 1.0, false},
                new Object[] {62L, 0.0, true}, new Object[] {null, 2.0, true});

        java.util.List<Row> rows = OfficeSavingsTransform.withBandTwoEffect(offices, MODEL).collectAsList();

        assertThat(rows.get(0).<Double>getAs("band_ii_revenue_effect_yen")).isCloseTo(0.0, within(1e-6));
        assertThat(rows.get(1).<Double>getAs("band_ii_revenue_effect_yen")).isCloseTo(28_605.5, within(1e-6));
        assertThat(rows.get(2).<Double>getAs("band_ii_revenue_effect_yen")).isNull();
        assertThat(rows.get(3).<Double>getAs("cases_per_care_manager")).as("no care manager").isNull();
        assertThat(rows.get(4).<Double>getAs("band_ii_revenue_effect_yen")).as("no users reported").isNull();
    }

    /**
     * The office sets its own post share (all by post) and staff cost; its partner keeps the model's. Only the
     * office's figures move: postage 2 documents × ¥110 × 1.0 and handling 2 × 3 min at ¥3,000 an hour.
     */
    @Test
    void anOfficesOwnValuesReplaceTheModelsForThatOfficeOnly() {
        SavingsModel own = MODEL.withOverrides(new SavingsOverrides(new java.util.TreeMap<>(Map.of("3112010018",
                new java.util.TreeMap<>(Map.of("mailed.share", 1.0, "staff.yen.per.hour", 3000.0))))));
        Dataset<Row> exchanges = LandingStaging.exchanges(strings(EXCHANGE_COLUMNS,
                exchange("m1", "UPPLAN", "3112010018", "3112010026", "20", "2", "delivered"),
                exchange("m4", "UPJSK", "3112010026", "3112010018", "16", "2", "delivered")));
        Map<String, Row> rows = savings(exchanges, own);

        Row office = rows.get("3112010018");
        assertThat(office.<Double>getAs("postage_saved_yen")).isCloseTo(220.0, within(1e-9));
        assertThat(office.<Double>getAs("savings_yen")).isCloseTo(2 * 2 * 10 + 220 + (2 * 3 + 16 * 0.5) / 60.0 * 3000,
                within(1e-6));
        Row partner = rows.get("3112010026");
        assertThat(partner.<Double>getAs("postage_saved_yen")).isCloseTo(2 * 110 * 0.5, within(1e-9));
        assertThat(partner.<Double>getAs("savings_yen")).isCloseTo(2 * 2 * 10 + 110 + (2 * 3 + 20 * 0.5) / 60.0 * 2100,
                within(1e-6));
    }

    /**
     * A typical 居宅介護支援 office with every partner linked: 3 care managers × 33 persons, 2.55 service offices each
     * (255 documents a month) and 8 actual lines per person and office back (2,040 lines). The ministry estimated
     * ≈ ¥816,000 a year for an office (介護保険最新情報 Vol.1096); docs/marts.md explains the gap.
     */
    @Test
    void aTypicalFullyLinkedOfficeSavesTheOrderOfTheMinistrysEstimate() {
        Map<String, Row> rows = savings(LandingStaging.exchanges(strings(EXCHANGE_COLUMNS,
                exchange("t1", "UPPLAN", "3112010018", "3112010026", "2040", "255", "delivered"),
                exchange("t2", "UPJSK", "3112010026", "3112010018", "2040", "255", "delivered"))));

        double yearly = rows.get("3112010018").<Double>getAs("savings_yen") * 12;
        assertThat(yearly).as("gross yearly savings (yen)").isCloseTo(979_200.0, within(1.0));
        assertThat(yearly / 816_000).as("against the ministry's ¥816k").isBetween(0.8, 1.25);
    }

    private static Map<String, Row> savings(Dataset<Row> exchanges) {
        return savings(exchanges, MODEL);
    }

    private static Map<String, Row> savings(Dataset<Row> exchanges, SavingsModel model) {
        Dataset<Row> offices = LandingStaging.offices(strings("office_number,service_type,office_name,municipality_code,"
                        + "prefecture_code,dt",
                row("3112010018", "43", "a", "312011", "31", "2026-11-01"),
                row("3112010026", "11", "b", "312011", "31", "2026-11-01")));
        String reportColumns = "office_number,month,sheets_printed,input_hours,paper_postage_yen,returned_claims,"
                + "overtime_hours,paid_leave_rate,care_managers_fte,users,dt";
        String[][] reports = new String[7][];
        for (int month = 1; month <= 6; month++) {
            reports[month - 1] = row("3112010018", "2025-0" + month, "2100", "18", "", "", "", "", "", "100", "2026-11-01");
        }
        reports[6] = row("3112010018", "2025-08", "1300", "7.2", "", "", "", "", "3", "140", "2026-11-01");
        Dataset<Row> effectReports = LandingStaging.effectReports(strings(reportColumns, reports));
        Dataset<Row> applications = LandingStaging.applications(strings(
                "office_number,service_type,applied_on,license_start,license_end,plan,dt",
                row("3112010018", "43", "2025-06-20", "2025-07-01", "", "paid", "2026-11-01")));

        Dataset<Row> result = OfficeSavingsTransform.apply(exchanges, offices, effectReports, applications, model,
                MonthRange.of("2025-08", "2025-08"));
        assertThat(result.columns()).containsExactlyElementsOf(Mart.OFFICE_SAVINGS.columnNames());
        Map<String, Row> rows = new TreeMap<>();
        result.collectAsList().forEach(r -> rows.put(r.getAs("office_number"), r));
        return rows;
    }

    private static String[] exchange(String id, String kind, String sender, String recipient, String records,
            String persons, String status) {
        return row(id, kind, sender, recipient, "2025-08", records, persons, status,
                "delivered".equals(status) ? "2025-08-01T00:00:00Z" : "", "2025-08-01T00:00:00Z");
    }
}
