package jp.renkei.analytics.quality;

import static jp.renkei.analytics.Frames.row;
import static jp.renkei.analytics.Frames.strings;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.analytics.marts.adoption.MunicipalAdoptionTransform;
import jp.renkei.analytics.marts.adoption.PrefectureAdoptionTransform;
import jp.renkei.analytics.staging.StagedLanding;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdoptionChecksTest {

    private static StagedLanding good;
    private static Dataset<Row> municipal;
    private static Dataset<Row> prefecture;

    @BeforeAll
    static void build() {
        good = staged(row("3100000001", "43", "311006"), row("3100000002", "11", "312011"));
        municipal = MunicipalAdoptionTransform.apply(good.offices(), good.municipalities(), good.applications(),
                good.exchanges(), MonthRange.of("2024-01", "2024-02")).localCheckpoint();
        prefecture = PrefectureAdoptionTransform.apply(municipal).localCheckpoint();
    }

    @Test
    void goodInputsAndMartsPassEveryCheck() {
        assertThat(failures(AdoptionChecks.inputs(good))).isEmpty();
        assertThat(failures(AdoptionChecks.outputs(municipal, prefecture))).isEmpty();
    }

    @Test
    void anOfficeInAnUnknownMunicipalityFailsNamingTheOffice() {
        StagedLanding bad = staged(row("3100000001", "43", "311006"), row("3100000009", "15", "999999"));

        List<QualityFinding> findings = failures(AdoptionChecks.inputs(bad));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("ANA-DQ-006");
            assertThat(f.violations()).isEqualTo(1);
            assertThat(f.message()).contains("office_number=3100000009", "municipality_code=999999");
        });
    }

    @Test
    void aRateAboveOneFailsNamingTheKey() {
        Dataset<Row> broken = municipal.withColumn("application_rate",
                when(col("municipality_code").equalTo("312011").and(col("month").equalTo("2024-02"))
                                .and(col("denominator_scope").equalTo("all_in_scope")), lit(1.5))
                        .otherwise(col("application_rate"))).localCheckpoint();

        List<QualityFinding> findings = failures(AdoptionChecks.outputs(broken, prefecture));

        assertThat(findings).extracting(QualityFinding::code).containsExactly("ANA-DQ-003");
        assertThat(findings.get(0).examples())
                .containsExactly("month=2024-02 denominator_scope=all_in_scope municipality_code=312011");
    }

    @Test
    void appliedOrActiveAboveInScopeFail() {
        Dataset<Row> broken = municipal
                .withColumn("offices_applied", col("offices_in_scope").plus(1))
                .withColumn("offices_active", col("offices_in_scope").plus(2))
                .localCheckpoint();

        assertThat(failures(AdoptionChecks.outputs(broken, prefecture))).extracting(QualityFinding::code)
                .contains("ANA-DQ-004", "ANA-DQ-005");
    }

    @Test
    void aRepeatedKeyFails() {
        List<QualityFinding> findings = failures(AdoptionChecks.outputs(municipal.union(municipal.limit(1)),
                prefecture));

        assertThat(findings).extracting(QualityFinding::code).containsExactly("ANA-DQ-002");
        assertThat(findings.get(0).violations()).isEqualTo(1);
    }

    @Test
    void anEmptyMartFails() {
        assertThat(failures(AdoptionChecks.outputs(municipal, prefecture.limit(0))))
                .extracting(QualityFinding::code).containsExactly("ANA-DQ-001");
    }

    @Test
    void malformedDatesAndMonthsInTheInputsFail() {
        StagedLanding bad = new StagedLanding(good.municipalities(), good.offices(),
                strings("office_number,applied_on_text", row("3100000001", "2024/01/05"))
                        .withColumn("applied_on", lit(null).cast(DataTypes.DateType)),
                strings("message_id,sender_office,recipient_office,target_month,status",
                        row("m1", "3100000001", "3100000002", "2024-13", "delivered")));

        assertThat(failures(AdoptionChecks.inputs(bad))).extracting(QualityFinding::code)
                .containsExactly("ANA-DQ-007", "ANA-DQ-008");
    }

    @Test
    void theExceptionCarriesTheFirstCodeAndEveryMessage() {
        DataQualityException e = new DataQualityException(List.of(
                new QualityFinding("ANA-DQ-006", "office_municipality_known", 2, List.of("office_number=1"), "Fix."),
                new QualityFinding("ANA-DQ-003", "rates", 1, List.of("month=2024-01"), "Report.")));

        assertThat(e.code()).isEqualTo("ANA-DQ-006");
        assertThat(e.getMessage()).contains("ANA-DQ-006 office_municipality_known failed: 2 violations",
                "ANA-DQ-003 rates failed: 1 violation, e.g. month=2024-01. Report.");
        assertThatThrownBy(() -> new DataQualityException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<QualityFinding> failures(List<QualityCheck> checks) {
        return checks.stream().map(QualityCheck::evaluate).flatMap(Optional::stream).toList();
    }

    private static StagedLanding staged(String[]... offices) {
        return new StagedLanding(
                strings("municipality_code,prefecture_code,prefecture_name,municipality_name",
                        row("311006", "31", "鳥取県", "鳥取市"), row("312011", "31", "鳥取県", "米子市")),
                strings("office_number,service_type,municipality_code", offices),
                strings("office_number,applied_on_text", row("3100000001", "2024-01-10"))
                        .withColumn("applied_on", col("applied_on_text").cast(DataTypes.DateType)),
                strings("message_id,sender_office,recipient_office,target_month,status",
                        row("m1", "3100000001", "3100000002", "2024-01", "delivered")));
    }
}
