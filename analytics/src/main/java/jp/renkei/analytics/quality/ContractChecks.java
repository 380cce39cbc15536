package jp.renkei.analytics.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import jp.renkei.marts.Mart;
import jp.renkei.marts.MartColumn;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks every mart owes its contract ({@link Mart}), whatever its transform:
 *
 * <table>
 *   <tr><td>ANA-DQ-002</td><td>the key is unique</td></tr>
 *   <tr><td>ANA-DQ-012</td><td>no column the contract declares required holds a null</td></tr>
 *   <tr><td>ANA-DQ-013</td><td>every rate and share column ({@code *_rate}, {@code *_share}, and their {@code _after}) is in [0, 1] (or null where the contract allows it)</td></tr>
 * </table>
 */
public final class ContractChecks {

    private ContractChecks() {
    }

    public static List<QualityCheck> outputs(Mart mart, Dataset<Row> frame) {
        String fix = " This is a bug in the " + mart.folder() + " transform: keep the last published run and report it.";
        List<QualityCheck> checks = new ArrayList<>();
        checks.add(QualityCheck.uniqueKey("ANA-DQ-002", mart.folder() + ".key_unique", frame, mart.key(),
                "A key occurs twice." + fix));
        Column nullInRequired = lit(false);
        Column rateOutside = lit(false);
        for (MartColumn column : mart.columns()) {
            if (!column.nullable()) {
                nullInRequired = nullInRequired.or(col(column.name()).isNull());
            }
            if (column.name().matches(".*_(rate|share)(_after)?")) {
                rateOutside = rateOutside.or(col(column.name()).lt(0)).or(col(column.name()).gt(1));
            }
        }
        checks.add(QualityCheck.noRowWhere("ANA-DQ-012", mart.folder() + ".required_not_null", frame, nullInRequired,
                mart.key(), "A column the contract declares required is null." + fix));
        checks.add(QualityCheck.noRowWhere("ANA-DQ-013", mart.folder() + ".rates_between_0_and_1", frame,
                rateOutside, mart.key(), "A rate is outside [0, 1]." + fix));
        return checks;
    }
}
