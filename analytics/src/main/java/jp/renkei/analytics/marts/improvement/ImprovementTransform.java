package jp.renkei.analytics.marts.improvement;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import jp.renkei.analytics.marts.MartFrames;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code improvement_office} and {@code improvement_curve} (docs/marts.md): the productivity index of each reporting
 * office month by month around its adoption, and its quartiles per adoption cohort.
 *
 * <ul>
 *   <li>Adoption month: the month of the office number's earliest {@code license_start}.</li>
 *   <li>hours_per_user = (input_hours + overtime_hours, a missing overtime counting 0) ÷ users, for reports with
 *       input hours and at least one user.</li>
 *   <li>baseline = the mean hours_per_user over months −6 … −1; productivity_index = baseline ÷ hours_per_user, so 1
 *       is the office's old level, below 1 the dip (more indirect work per person), above 1 the gain.</li>
 *   <li>The dip: the lowest index over months 0 … +12 (earliest on ties); recovered_month: the first later month whose
 *       index is back at 1 or more.</li>
 * </ul>
 */
public final class ImprovementTransform {

    public static final int FIRST_MONTH = -6;
    public static final int LAST_MONTH = 24;
    public static final int DIP_WINDOW = 12;
    public static final String ALL_COHORTS = "all";
    /** "Back at the baseline" allows for the rounding of a mean of reported decimals. */
    static final double AT_BASELINE = 1.0 - 1e-9;

    private ImprovementTransform() {
    }

    /**
     * @param effectReports staged effect reports: office_number, month, input_hours, overtime_hours, users
     * @param applications  staged applications: office_number, license_start (date)
     */
    public static Dataset<Row> offices(Dataset<Row> effectReports, Dataset<Row> applications) {
        Dataset<Row> adoption = applications.where(col("license_start").isNotNull())
                .groupBy("office_number").agg(min("license_start").as("license_start"))
                .select(col("office_number"),
                        date_format(col("license_start"), "yyyy-MM").as("adoption_month"),
                        concat(lit("FY"), year(col("license_start")).minus(when(month(col("license_start")).lt(4), 1)
                                .otherwise(0)).cast(DataTypes.StringType)).as("cohort"));
        Column monthStart = to_date(concat(col("month"), lit("-01")));
        Column adoptionStart = to_date(concat(col("adoption_month"), lit("-01")));
        Dataset<Row> reports = effectReports.join(adoption, "office_number")
                .withColumn("months_since_adoption", months_between(monthStart, adoptionStart).cast(DataTypes.IntegerType))
                .where(col("months_since_adoption").between(FIRST_MONTH, LAST_MONTH))
                .withColumn("hours_per_user", when(col("users").gt(0).and(col("input_hours").isNotNull()),
                        col("input_hours").plus(coalesce(col("overtime_hours"), lit(0.0))).divide(col("users"))))
                .withColumn("baseline_hours_per_user", avg(when(col("months_since_adoption").lt(0), col("hours_per_user")))
                        .over(Window.partitionBy("office_number")))
                .withColumn("productivity_index", when(col("hours_per_user").gt(0),
                        col("baseline_hours_per_user").divide(col("hours_per_user"))));

        Dataset<Row> dips = reports.where(col("months_since_adoption").between(0, DIP_WINDOW)
                        .and(col("productivity_index").isNotNull()))
                .groupBy("office_number")
                .agg(min(struct(col("productivity_index"), col("months_since_adoption"))).as("_lowest"))
                .select(col("office_number"), lit(1.0).minus(col("_lowest.productivity_index")).as("dip_depth"),
                        col("_lowest.months_since_adoption").as("dip_month"));
        Dataset<Row> recoveries = reports.join(dips, "office_number")
                .where(col("months_since_adoption").gt(col("dip_month")).and(col("productivity_index").geq(AT_BASELINE)))
                .groupBy("office_number").agg(min("months_since_adoption").as("recovered_month"));

        Dataset<Row> office = reports
                .withColumn("prefecture_code", substring(col("office_number"), 1, 2))
                .join(dips, new String[] {"office_number"}, "left")
                .join(recoveries, new String[] {"office_number"}, "left");
        return MartFrames.conform(office, Mart.IMPROVEMENT_OFFICE);
    }

    /** @param offices the output of {@link #offices} */
    public static Dataset<Row> curve(Dataset<Row> offices) {
        Dataset<Row> indexed = offices.where(col("productivity_index").isNotNull());
        Dataset<Row> byCohort = quartiles(indexed, col("cohort"));
        Dataset<Row> overall = quartiles(indexed, lit(ALL_COHORTS));
        return MartFrames.conform(byCohort.unionByName(overall), Mart.IMPROVEMENT_CURVE);
    }

    private static Dataset<Row> quartiles(Dataset<Row> indexed, Column cohort) {
        return indexed.withColumn("cohort", cohort)
                .groupBy("cohort", "months_since_adoption")
                .agg(count(lit(1)).as("offices"),
                        expr("percentile(productivity_index, 0.25)").as("index_p25"),
                        expr("percentile(productivity_index, 0.5)").as("index_median"),
                        expr("percentile(productivity_index, 0.75)").as("index_p75"),
                        sum(when(col("productivity_index").geq(AT_BASELINE), 1L).otherwise(0L)).as("offices_at_baseline"));
    }
}
