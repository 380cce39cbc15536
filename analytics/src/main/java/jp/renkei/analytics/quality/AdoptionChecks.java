package jp.renkei.analytics.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.List;

import jp.renkei.analytics.marts.adoption.MunicipalAdoptionTransform;
import jp.renkei.analytics.marts.adoption.PrefectureAdoptionTransform;
import jp.renkei.analytics.staging.LandingStaging;
import jp.renkei.analytics.staging.StagedLanding;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks of the adoption marts. Codes are stable: they appear in logs and in operators' notes.
 *
 * <table>
 *   <tr><td>ANA-DQ-001</td><td>a mart has at least one row</td></tr>
 *   <tr><td>ANA-DQ-002</td><td>a mart's key (month × scope × municipality / prefecture) is unique</td></tr>
 *   <tr><td>ANA-DQ-003</td><td>every rate is in [0, 1] or null</td></tr>
 *   <tr><td>ANA-DQ-004</td><td>0 ≤ offices_applied ≤ offices_in_scope</td></tr>
 *   <tr><td>ANA-DQ-005</td><td>0 ≤ offices_active ≤ offices_in_scope</td></tr>
 *   <tr><td>ANA-DQ-006</td><td>every office's municipality_code is in municipalities</td></tr>
 *   <tr><td>ANA-DQ-007</td><td>every non-empty applications.applied_on is a YYYY-MM-DD date</td></tr>
 *   <tr><td>ANA-DQ-008</td><td>every non-empty exchanges.target_month is a YYYY-MM month</td></tr>
 * </table>
 */
public final class AdoptionChecks {

    private AdoptionChecks() {
    }

    /** Checks on the staged inputs: problems a mart would silently hide. */
    public static List<QualityCheck> inputs(StagedLanding staged) {
        Dataset<Row> unknownMunicipality = staged.offices()
                .join(staged.municipalities().select("municipality_code"),
                        staged.offices().col("municipality_code").equalTo(staged.municipalities().col("municipality_code")),
                        "left_anti");
        return List.of(
                QualityCheck.noRowWhere("ANA-DQ-006", "office_municipality_known", unknownMunicipality, lit(true),
                        List.of("office_number", "service_type", "municipality_code"),
                        "Land the municipality master (renkei ingest municipalities) or correct the offices' "
                                + "municipality_code; 政令市 wards must carry their city's code."),
                QualityCheck.noRowWhere("ANA-DQ-007", "applied_on_is_date", staged.applications(),
                        col("applied_on_text").isNotNull().and(col("applied_on").isNull()),
                        List.of("office_number", "applied_on_text"),
                        "Re-land the applications roster with applied_on as YYYY-MM-DD."),
                QualityCheck.noRowWhere("ANA-DQ-008", "target_month_is_month", staged.exchanges(),
                        col("target_month").isNotNull().and(not(LandingStaging.isYearMonth(col("target_month")))),
                        List.of("message_id", "target_month"),
                        "Check the relay version that wrote these exchanges; target_month must be YYYY-MM."));
    }

    /** Checks on the two marts before they are published. */
    public static List<QualityCheck> outputs(Dataset<Row> municipal, Dataset<Row> prefecture) {
        List<QualityCheck> checks = new ArrayList<>();
        checks.addAll(martChecks(MunicipalAdoptionTransform.MART, municipal, MunicipalAdoptionTransform.KEY,
                List.of("application_rate", "active_rate")));
        checks.addAll(martChecks(PrefectureAdoptionTransform.MART, prefecture, PrefectureAdoptionTransform.KEY,
                List.of("application_rate", "active_rate", "median_municipality_rate")));
        return checks;
    }

    private static List<QualityCheck> martChecks(String mart, Dataset<Row> frame, List<String> key,
                                                 List<String> rates) {
        String fix = " This is a bug in the " + mart + " transform: keep the last published run and report it.";
        Column rateOutside = lit(false);
        for (String rate : rates) {
            rateOutside = rateOutside.or(col(rate).isNotNull().and(col(rate).lt(0).or(col(rate).gt(1))));
        }
        return List.of(
                QualityCheck.notEmpty("ANA-DQ-001", mart + ".not_empty", frame,
                        "Land the municipalities and offices datasets, and check the month range."),
                QualityCheck.uniqueKey("ANA-DQ-002", mart + ".key_unique", frame, key,
                        "A key occurs twice." + fix),
                QualityCheck.noRowWhere("ANA-DQ-003", mart + ".rates_between_0_and_1", frame, rateOutside, key,
                        "A rate is outside [0, 1]." + fix),
                QualityCheck.noRowWhere("ANA-DQ-004", mart + ".applied_within_in_scope", frame,
                        col("offices_applied").lt(0).or(col("offices_applied").gt(col("offices_in_scope"))), key,
                        "offices_applied exceeds offices_in_scope." + fix),
                QualityCheck.noRowWhere("ANA-DQ-005", mart + ".active_within_in_scope", frame,
                        col("offices_active").lt(0).or(col("offices_active").gt(col("offices_in_scope"))), key,
                        "offices_active exceeds offices_in_scope." + fix));
    }
}
