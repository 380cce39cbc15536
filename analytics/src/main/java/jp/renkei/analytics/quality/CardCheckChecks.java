package jp.renkei.analytics.quality;

import static org.apache.spark.sql.functions.col;

import java.util.List;

import jp.renkei.analytics.marts.cardcheck.CardCheckActivityTransform;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks of {@code card_check_activity}. An empty mart passes: offices may not have checked any card yet.
 *
 * <table>
 *   <tr><td>ANA-DQ-002</td><td>the mart's key (month × office) is unique</td></tr>
 *   <tr><td>ANA-DQ-009</td><td>success_rate is in [0, 1]</td></tr>
 *   <tr><td>ANA-DQ-010</td><td>0 ≤ successes ≤ checks, and checks = successes + failed</td></tr>
 *   <tr><td>ANA-DQ-011</td><td>every card_checks.checked_at is an ISO-8601 instant</td></tr>
 * </table>
 */
public final class CardCheckChecks {

    private CardCheckChecks() {
    }

    /** Checks on the staged card checks (check_id, checked_at, checked_at_text). */
    public static List<QualityCheck> inputs(Dataset<Row> cardChecks) {
        return List.of(QualityCheck.noRowWhere("ANA-DQ-011", "card_checks.checked_at_is_instant", cardChecks,
                col("checked_at_text").isNotNull().and(col("checked_at").isNull()), List.of("check_id", "checked_at_text"),
                "Check the relay version that wrote these card checks; checked_at must be an ISO-8601 instant."));
    }

    public static List<QualityCheck> outputs(Dataset<Row> activity) {
        String mart = CardCheckActivityTransform.MART;
        List<String> key = CardCheckActivityTransform.KEY;
        String fix = " This is a bug in the " + mart + " transform: keep the last published run and report it.";
        return List.of(
                QualityCheck.uniqueKey("ANA-DQ-002", mart + ".key_unique", activity, key, "A key occurs twice." + fix),
                QualityCheck.noRowWhere("ANA-DQ-009", mart + ".success_rate_between_0_and_1", activity,
                        col("success_rate").isNull().or(col("success_rate").lt(0)).or(col("success_rate").gt(1)), key,
                        "success_rate is missing or outside [0, 1]." + fix),
                QualityCheck.noRowWhere("ANA-DQ-010", mart + ".successes_within_checks", activity,
                        col("successes").lt(0).or(col("successes").gt(col("checks")))
                                .or(col("successes").plus(col("failed")).notEqual(col("checks"))), key,
                        "successes exceed checks, or successes + failed is not checks." + fix));
    }
}
