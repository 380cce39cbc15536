package jp.renkei.analytics.marts.cardcheck;

import static jp.renkei.analytics.Frames.row;
import static jp.renkei.analytics.Frames.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.renkei.analytics.quality.CardCheckChecks;
import jp.renkei.analytics.quality.QualityCheck;
import jp.renkei.analytics.staging.LandingStaging;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CardCheckActivityTransformTest {

    private static final String CARD_CHECK_COLUMNS =
            "check_id, office, insurer, person_key, method, result, failure_reason, latency_ms, checked_at, dt";
    /** In 311006 鳥取市 (two service lines, same municipality). */
    private static final String CARE_MANAGER = "3100000001";
    /** In 312011 米子市. */
    private static final String HOME_HELP = "3100000002";
    /** Not in the offices dataset. */
    private static final String UNKNOWN = "3200000009";

    private static Dataset<Row> mart;
    private static Map<String, Row> rows;

    @BeforeAll
    static void build() {
        Dataset<Row> cardChecks = LandingStaging.cardChecks(strings(CARD_CHECK_COLUMNS,
                check("c1", CARE_MANAGER, "pin", "eligible", null, "100", "2026-11-02T01:00:00.000Z"),
                check("c2", CARE_MANAGER, "pin", "eligible", null, "200", "2026-11-03T01:00:00Z"),
                check("c3", CARE_MANAGER, "face", "not_eligible", null, "300", "2026-11-04T01:00:00.000Z"),
                check("c4", CARE_MANAGER, "pin", "eligible", null, "400", "2026-11-05T01:00:00.000Z"),
                check("c5", CARE_MANAGER, "pin", "failed", "wrong_pin", "9000", "2026-11-06T01:00:00.000Z"),
                check("c6", CARE_MANAGER, "pin", "failed", "wrong_pin", "8000", "2026-11-06T01:01:00.000Z"),
                check("c7", CARE_MANAGER, "visual", "failed", "certificate_expired", "50", "2026-11-07T01:00:00.000Z"),
                check("c8", CARE_MANAGER, "pin", "failed", "a_reason_from_a_newer_agent", "10", "2026-11-08T01:00:00Z"),
                // the relay landed c1 again after a restart: counted once
                check("c1", CARE_MANAGER, "pin", "eligible", null, "100", "2026-11-02T01:00:00.000Z"),
                // 30 November 15:30 UTC is 1 December 00:30 in Tokyo
                check("d1", CARE_MANAGER, "pin", "eligible", null, "120", "2026-11-30T15:30:00.000Z"),
                check("h1", HOME_HELP, "face", "failed", "registry_unreachable", "700", "2026-11-10T00:00:00.000Z"),
                check("u1", UNKNOWN, "pin", "eligible", null, "90", "2026-11-11T00:00:00.000Z")));
        Dataset<Row> offices = LandingStaging.offices(strings(
                "office_number, service_type, office_name, municipality_code, prefecture_code, dt",
                row(CARE_MANAGER, "43", "あおぞら居宅", "311006", "31", "2026-10-01"),
                row(CARE_MANAGER, "11", "あおぞら訪問", "311006", "31", "2026-10-01"),
                // moved: the latest offices row wins
                row(HOME_HELP, "11", "みどり訪問", "311006", "31", "2026-09-01"),
                row(HOME_HELP, "11", "みどり訪問", "312011", "31", "2026-10-01")));
        Dataset<Row> municipalities = LandingStaging.municipalities(strings(
                "municipality_code, prefecture_code, prefecture_name, municipality_name, municipality_kana, dt",
                row("311006", "31", "鳥取県", "鳥取市", "トットリシ", "2026-10-01"),
                row("312011", "31", "鳥取県", "米子市", "ヨナゴシ", "2026-10-01")));
        mart = CardCheckActivityTransform.apply(cardChecks, offices, municipalities).cache();
        rows = new HashMap<>();
        for (Row r : mart.collectAsList()) {
            rows.put(r.getAs("month") + "|" + r.getAs("office_number"), r);
        }
    }

    private static String[] check(String id, String office, String method, String result, String reason,
                                  String latency, String checkedAt) {
        return row(id, office, result.equals("failed") ? null : "310011", null, method, result, reason, latency,
                checkedAt, "2026-11-30");
    }

    private static Row martRow(String month, String office) {
        Row found = rows.get(month + "|" + office);
        assertThat(found).as("row %s %s", month, office).isNotNull();
        return found;
    }

    @Test
    void hasTheContractColumnsAndTypes() {
        StructType schema = mart.schema();
        assertThat(schema.fieldNames()).containsExactlyElementsOf(CardCheckActivityTransform.COLUMNS);
        assertThat(schema.apply("checks").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(schema.apply("failures_wrong_pin").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(schema.apply("success_rate").dataType()).isEqualTo(DataTypes.DoubleType);
        assertThat(schema.apply("latency_p95_ms").dataType()).isEqualTo(DataTypes.DoubleType);
        assertThat(CardCheckActivityTransform.COLUMNS).contains("failures_no_reader", "failures_pin_locked",
                "failures_certificate_revoked", "failures_other");
    }

    @Test
    void onlyOfficeMonthsWithChecksHaveARowAndTheMonthIsTokyos() {
        assertThat(rows).containsOnlyKeys("2026-11|" + CARE_MANAGER, "2026-12|" + CARE_MANAGER,
                "2026-11|" + HOME_HELP, "2026-11|" + UNKNOWN);
        assertThat(martRow("2026-12", CARE_MANAGER).<Long>getAs("checks")).isEqualTo(1L);
    }

    @Test
    void countsChecksSuccessesAndFailuresByReason() {
        Row november = martRow("2026-11", CARE_MANAGER);
        assertThat(november.<Long>getAs("checks")).isEqualTo(8L);
        assertThat(november.<Long>getAs("successes")).isEqualTo(4L);
        assertThat(november.<Long>getAs("eligible")).isEqualTo(3L);
        assertThat(november.<Long>getAs("not_eligible")).isEqualTo(1L);
        assertThat(november.<Long>getAs("failed")).isEqualTo(4L);
        assertThat(november.<Double>getAs("success_rate")).isEqualTo(0.5);
        assertThat(november.<Long>getAs("checks_pin")).isEqualTo(6L);
        assertThat(november.<Long>getAs("checks_face")).isEqualTo(1L);
        assertThat(november.<Long>getAs("checks_visual")).isEqualTo(1L);
        assertThat(november.<Long>getAs("failures_wrong_pin")).isEqualTo(2L);
        assertThat(november.<Long>getAs("failures_certificate_expired")).isEqualTo(1L);
        assertThat(november.<Long>getAs("failures_other")).isEqualTo(1L);
        assertThat(november.<Long>getAs("failures_no_reader")).isZero();
    }

    @Test
    void latencyPercentilesAreExactOverSucceededChecksOnly() {
        Row november = martRow("2026-11", CARE_MANAGER);
        // succeeded latencies 100, 200, 300, 400: the failures' 9000 and 8000 ms waits are left out
        assertThat(november.<Double>getAs("latency_p50_ms")).isEqualTo(250.0);
        assertThat(november.<Double>getAs("latency_p95_ms")).isEqualTo(385.0);
        Row failedOnly = martRow("2026-11", HOME_HELP);
        assertThat(failedOnly.isNullAt(failedOnly.fieldIndex("latency_p50_ms"))).isTrue();
        assertThat(failedOnly.<Double>getAs("success_rate")).isZero();
        assertThat(failedOnly.<Long>getAs("failures_registry_unreachable")).isEqualTo(1L);
    }

    @Test
    void theMunicipalityComesFromTheLatestOfficesRows() {
        Row careManager = martRow("2026-11", CARE_MANAGER);
        assertThat(careManager.<String>getAs("municipality_code")).isEqualTo("311006");
        assertThat(careManager.<String>getAs("municipality_name")).isEqualTo("鳥取市");
        assertThat(careManager.<String>getAs("prefecture_code")).isEqualTo("31");
        assertThat(martRow("2026-11", HOME_HELP).<String>getAs("municipality_name")).isEqualTo("米子市");
        Row unknown = martRow("2026-11", UNKNOWN);
        assertThat(unknown.isNullAt(unknown.fieldIndex("municipality_code"))).isTrue();
        assertThat(unknown.<String>getAs("prefecture_code")).isEqualTo("32");
    }

    @Test
    void theMartPassesItsChecksAndABrokenRatioFailsThem() {
        assertThat(failures(CardCheckChecks.outputs(mart))).isEmpty();

        Dataset<Row> broken = mart.withColumn("successes", mart.col("checks").plus(1)).withColumn("success_rate",
                org.apache.spark.sql.functions.lit(1.5));

        assertThat(failures(CardCheckChecks.outputs(broken))).containsExactly("ANA-DQ-009", "ANA-DQ-010");
    }

    @Test
    void anUnparseableCheckedAtFailsTheInputCheck() {
        Dataset<Row> staged = LandingStaging.cardChecks(strings(CARD_CHECK_COLUMNS,
                check("x1", CARE_MANAGER, "pin", "eligible", null, "100", "26/11/2026 10:00")));

        assertThat(failures(CardCheckChecks.inputs(staged))).containsExactly("ANA-DQ-011");
    }

    private static List<String> failures(List<QualityCheck> checks) {
        return checks.stream().map(QualityCheck::evaluate).flatMap(java.util.Optional::stream)
                .map(finding -> finding.code()).toList();
    }
}
