package jp.renkei.analytics.marts.adoption;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.median;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;

import jp.renkei.marts.Mart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code prefecture_adoption}: month × denominator scope × prefecture, rolled up from {@code municipal_adoption}
 * so that both marts share one definition of every count. Every prefecture with a municipality gets a row.
 */
public final class PrefectureAdoptionTransform {

    public static final String MART = Mart.PREFECTURE_ADOPTION.folder();
    public static final List<String> KEY = Mart.PREFECTURE_ADOPTION.key();
    public static final List<String> COLUMNS = Mart.PREFECTURE_ADOPTION.columnNames();

    private PrefectureAdoptionTransform() {
    }

    /** @param municipalAdoption the output of {@link MunicipalAdoptionTransform#apply} */
    public static Dataset<Row> apply(Dataset<Row> municipalAdoption) {
        Column withOffices = col("offices_in_scope").gt(0);
        Column atHundred = withOffices.and(col("offices_applied").equalTo(col("offices_in_scope")));
        Dataset<Row> summed = municipalAdoption
                .groupBy("month", "denominator_scope", "prefecture_code")
                .agg(
                        min("prefecture_name").as("prefecture_name"),
                        sum("offices_in_scope").as("offices_in_scope"),
                        sum("offices_applied").as("offices_applied"),
                        sum("offices_active").as("offices_active"),
                        count(when(withOffices, lit(1))).as("municipalities"),
                        count(when(atHundred, lit(1))).as("municipalities_at_100"),
                        // exact: the mean of the two middle values when even; null rates (no offices) are skipped
                        median(when(withOffices, col("application_rate"))).as("median_municipality_rate"));
        return summed.select(
                col("month"),
                col("denominator_scope"),
                col("prefecture_code"),
                col("prefecture_name"),
                col("offices_in_scope").cast(DataTypes.LongType),
                col("offices_applied").cast(DataTypes.LongType),
                MunicipalAdoptionTransform.rate(col("offices_applied"), col("offices_in_scope")).as("application_rate"),
                col("offices_active").cast(DataTypes.LongType),
                MunicipalAdoptionTransform.rate(col("offices_active"), col("offices_in_scope")).as("active_rate"),
                col("municipalities").cast(DataTypes.LongType),
                col("municipalities_at_100").cast(DataTypes.LongType),
                col("median_municipality_rate").cast(DataTypes.DoubleType));
    }
}
