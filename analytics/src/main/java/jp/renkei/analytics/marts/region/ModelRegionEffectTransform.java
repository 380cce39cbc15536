package jp.renkei.analytics.marts.region;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.time.YearMonth;
import java.util.List;
import jp.renkei.analytics.marts.MartFrames;
import jp.renkei.analytics.marts.adoption.DenominatorScope;
import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.ingest.landing.ExchangeStatus;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code model_region_effect}: each model region month by month against its prefecture's offices outside every
 * model region (docs/marts.md).
 *
 * <ul>
 *   <li>Offices are counted as in {@code municipal_adoption} ({@code all_in_scope}: one per office number × in-scope
 *       service type). A region holds its member offices and the offices located in its member municipalities.</li>
 *   <li>Applied and active as in {@code municipal_adoption}: a license applied for by the month's end; a delivered
 *       file sent or received whose 対象年月 is the month.</li>
 *   <li>The difference in differences compares each side's application rate with its own rate in the month before
 *       the region started. Its 95 % interval treats the four rates as independent binomial proportions — the same
 *       offices are counted before and after, so the interval is wider than a paired one would be.</li>
 * </ul>
 */
public final class ModelRegionEffectTransform {

    public static final long CAP_PER_MODEL_YEN = 8_500_000L;
    public static final long CAP_PER_PREFECTURE_YEN = 60_000_000L;
    private static final double Z_95 = 1.959964;

    private ModelRegionEffectTransform() {
    }

    /**
     * @param modelRegions staged model regions: prefecture_code, region_id, region_name, budget_yen, start_month,
     *                     member_type, member_code
     * @param offices      staged offices: office_number, service_type, municipality_code, prefecture_code
     * @param applications staged applications: office_number, applied_on (date)
     * @param exchanges    de-duplicated exchanges: sender_office, recipient_office, target_month, status
     */
    public static Dataset<Row> apply(Dataset<Row> modelRegions, Dataset<Row> offices, Dataset<Row> applications,
                                     Dataset<Row> exchanges, MonthRange range) {
        Dataset<Row> regions = modelRegions.groupBy("region_id").agg(
                        first("prefecture_code", true).as("prefecture_code"),
                        first("region_name", true).as("region_name"),
                        first("budget_yen", true).as("budget_yen"),
                        first("start_month", true).as("start_month"))
                .withColumn("prefecture_budget_yen", sum("budget_yen").over(Window.partitionBy("prefecture_code")))
                .withColumn("within_caps", col("budget_yen").leq(CAP_PER_MODEL_YEN)
                        .and(col("prefecture_budget_yen").leq(CAP_PER_PREFECTURE_YEN)));

        Dataset<Row> inScope = offices
                .where(col("service_type").isin(DenominatorScope.ALL_IN_SCOPE.serviceTypes().toArray()))
                .select("office_number", "service_type", "municipality_code", "prefecture_code").distinct();
        Dataset<Row> byOffice = modelRegions.where(col("member_type").equalTo("office"))
                .select(col("region_id"), col("member_code").as("office_number"))
                .join(inScope, "office_number");
        Dataset<Row> byMunicipality = modelRegions.where(col("member_type").equalTo("municipality"))
                .select(col("region_id"), col("member_code").as("municipality_code"))
                .join(inScope, "municipality_code");
        Dataset<Row> regionOffices = byOffice.select("region_id", "office_number", "service_type")
                .union(byMunicipality.select("region_id", "office_number", "service_type")).distinct();
        Dataset<Row> comparisonOffices = inScope
                .join(regionOffices.select("office_number", "service_type").distinct(),
                        new String[] {"office_number", "service_type"}, "left_anti")
                .join(regions.select("prefecture_code").distinct(), "prefecture_code")
                .select("prefecture_code", "office_number", "service_type");

        // Every month of the range, and each region's month before its start for the baseline of the comparison.
        YearMonth earliestBase = earliestBase(regions, range);
        List<String> months = new MonthRange(earliestBase, range.to()).months();
        Dataset<Row> monthFrame = modelRegions.sparkSession().createDataset(months, Encoders.STRING()).toDF("month");
        Dataset<Row> firstApplied = applications.where(col("applied_on").isNotNull()).groupBy("office_number")
                .agg(date_format(min("applied_on"), "yyyy-MM").as("applied_month"));
        Dataset<Row> delivered = exchanges.where(col("status").equalTo(ExchangeStatus.DELIVERED.value()).and(col("target_month").isin(months.toArray())));
        Dataset<Row> active = delivered.select(col("sender_office").as("office_number"), col("target_month").as("month"))
                .union(delivered.select(col("recipient_office").as("office_number"), col("target_month").as("month")))
                .distinct().withColumn("_active", lit(true));

        Dataset<Row> regionSide = counted(regionOffices, "region_id", monthFrame, firstApplied, active, "region");
        Dataset<Row> comparisonSide = counted(comparisonOffices, "prefecture_code", monthFrame, firstApplied, active,
                "comparison");

        Dataset<Row> regionNumbers = regionOffices.select("region_id", "office_number").distinct();
        Dataset<Row> inside = delivered
                .join(regionNumbers.withColumnRenamed("office_number", "sender_office"), "sender_office")
                .join(regionNumbers.withColumnRenamed("office_number", "recipient_office")
                        .withColumnRenamed("region_id", "recipient_region"), "recipient_office")
                .where(col("region_id").equalTo(col("recipient_region")))
                .groupBy(col("region_id"), col("target_month").as("month"))
                .agg(count("*").as("region_files"), countDistinct("sender_office", "recipient_office").as("region_linked_pairs"));

        Dataset<Row> joined = regions.crossJoin(monthFrame)
                .join(regionSide, new String[] {"region_id", "month"}, "left")
                .join(comparisonSide, new String[] {"prefecture_code", "month"}, "left")
                .join(inside, new String[] {"region_id", "month"}, "left");
        for (String column : List.of("region_offices", "region_applied", "region_active", "comparison_offices",
                "comparison_applied", "comparison_active", "region_files", "region_linked_pairs")) {
            joined = joined.withColumn(column, coalesce(col(column), lit(0L)));
        }
        Column monthStart = to_date(concat(col("month"), lit("-01")));
        Column start = to_date(concat(col("start_month"), lit("-01")));
        Column baseMonth = date_format(add_months(start, -1), "yyyy-MM");
        joined = joined
                .withColumn("months_since_start", months_between(monthStart, start).cast(DataTypes.IntegerType))
                .withColumn("region_application_rate", rate("region_applied", "region_offices"))
                .withColumn("region_active_rate", rate("region_active", "region_offices"))
                .withColumn("comparison_application_rate", rate("comparison_applied", "comparison_offices"))
                .withColumn("comparison_active_rate", rate("comparison_active", "comparison_offices"));
        joined = joined
                .withColumn("_region_base", max(when(col("month").equalTo(baseMonth), col("region_application_rate")))
                        .over(Window.partitionBy("region_id")))
                .withColumn("_comparison_base", max(when(col("month").equalTo(baseMonth),
                        col("comparison_application_rate"))).over(Window.partitionBy("region_id")))
                .withColumn("_region_base_n", max(when(col("month").equalTo(baseMonth), col("region_offices")))
                        .over(Window.partitionBy("region_id")))
                .withColumn("_comparison_base_n", max(when(col("month").equalTo(baseMonth), col("comparison_offices")))
                        .over(Window.partitionBy("region_id")));
        Column did = col("region_application_rate").minus(col("_region_base"))
                .minus(col("comparison_application_rate").minus(col("_comparison_base")));
        Column variance = binomialVariance(col("region_application_rate"), col("region_offices"))
                .plus(binomialVariance(col("_region_base"), col("_region_base_n")))
                .plus(binomialVariance(col("comparison_application_rate"), col("comparison_offices")))
                .plus(binomialVariance(col("_comparison_base"), col("_comparison_base_n")));
        Dataset<Row> result = joined
                .withColumn("did_estimate", did)
                .withColumn("did_ci_low", did.minus(sqrt(variance).multiply(Z_95)))
                .withColumn("did_ci_high", did.plus(sqrt(variance).multiply(Z_95)))
                .where(col("month").geq(lit(range.from().toString())));
        return MartFrames.conform(result, Mart.MODEL_REGION_EFFECT);
    }

    /** Offices, applied and active per group and month. */
    private static Dataset<Row> counted(Dataset<Row> groupOffices, String group, Dataset<Row> monthFrame,
                                        Dataset<Row> firstApplied, Dataset<Row> active, String prefix) {
        return groupOffices.crossJoin(monthFrame)
                .join(firstApplied, new String[] {"office_number"}, "left")
                .join(active, new String[] {"office_number", "month"}, "left")
                .groupBy(group, "month")
                .agg(count("*").as(prefix + "_offices"),
                        sum(when(col("applied_month").leq(col("month")), 1L).otherwise(0L)).as(prefix + "_applied"),
                        sum(when(col("_active"), 1L).otherwise(0L)).as(prefix + "_active"));
    }

    private static YearMonth earliestBase(Dataset<Row> regions, MonthRange range) {
        Row earliest = regions.agg(min("start_month")).first();
        if (earliest.isNullAt(0) || !earliest.getString(0).matches("\\d{4}-\\d{2}")) {
            return range.from();
        }
        YearMonth base = YearMonth.parse(earliest.getString(0)).minusMonths(1);
        return base.isBefore(range.from()) ? base : range.from();
    }

    private static Column rate(String numerator, String denominator) {
        return try_divide(col(numerator).cast(DataTypes.DoubleType), col(denominator).cast(DataTypes.DoubleType));
    }

    /** p(1 − p) / n; null when p is null or n is 0, so that the interval is null then. */
    private static Column binomialVariance(Column rate, Column count) {
        return try_divide(rate.multiply(lit(1.0).minus(rate)), count.cast(DataTypes.DoubleType));
    }
}
