package jp.renkei.analytics.marts.adoption;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;
import jp.renkei.ingest.landing.ExchangeStatus;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code municipal_adoption}: month × denominator scope × municipality (docs/marts.md).
 *
 * <ul>
 *   <li>An office is one row of {@code offices} (office_number × service_type) whose type is in the scope and
 *       whose municipality_code names the municipality.</li>
 *   <li>It has applied in a month when {@code applications} holds a row with its office_number (the license is per
 *       office number, any service type) with applied_on on or before the month's last day.</li>
 *   <li>It is active in a month when its office_number is the sender or recipient of a {@code delivered} exchange
 *       whose target_month is the month.</li>
 * </ul>
 * Every municipality gets a row for every month and scope; with no in-scope office its rates and ranks are null and
 * its size class {@code NONE}. rate_change_3m looks back three months even before the first month of the range,
 * so a month's row does not depend on where the run's range starts.
 */
public final class MunicipalAdoptionTransform {

    public static final String MART = Mart.MUNICIPAL_ADOPTION.folder();
    public static final List<String> KEY = Mart.MUNICIPAL_ADOPTION.key();
    public static final List<String> COLUMNS = Mart.MUNICIPAL_ADOPTION.columnNames();

    private static final int CHANGE_MONTHS = 3;

    private MunicipalAdoptionTransform() {
    }

    /**
     * @param offices        staged offices: office_number, service_type, municipality_code
     * @param municipalities staged municipalities: municipality_code, prefecture_code, prefecture_name,
     *                       municipality_name
     * @param applications   staged applications: office_number, applied_on (date)
     * @param exchanges      de-duplicated exchanges: sender_office, recipient_office, target_month, status
     * @param range          the months of the mart
     */
    public static Dataset<Row> apply(Dataset<Row> offices, Dataset<Row> municipalities, Dataset<Row> applications,
                                     Dataset<Row> exchanges, MonthRange range) {
        SparkSession spark = offices.sparkSession();
        List<String> months = range.extendedBack(CHANGE_MONTHS).months();
        String firstMonth = months.get(0);
        String lastMonth = months.get(months.size() - 1);

        Dataset<Row> scoped = scopedOffices(offices);
        Dataset<Row> inScope = scoped.groupBy("denominator_scope", "municipality_code")
                .agg(count(lit(1)).as("offices_in_scope"));

        // The month of each office number's first application; earlier ones count from the first month computed.
        Dataset<Row> firstApplied = applications.where(col("applied_on").isNotNull())
                .groupBy("office_number")
                .agg(min("applied_on").as("first_applied_on"))
                .select(col("office_number"),
                        greatest(date_format(col("first_applied_on"), "yyyy-MM"), lit(firstMonth)).as("month"))
                .where(col("month").leq(lit(lastMonth)));
        Dataset<Row> newlyApplied = scoped.join(firstApplied, "office_number")
                .groupBy("denominator_scope", "municipality_code", "month")
                .agg(count(lit(1)).as("newly_applied"));

        Dataset<Row> active = scoped.join(activeOfficeMonths(exchanges, months), "office_number")
                .groupBy("denominator_scope", "municipality_code", "month")
                .agg(count(lit(1)).as("offices_active"));

        Dataset<Row> scopes = spark.createDataset(
                Arrays.stream(DenominatorScope.values()).map(DenominatorScope::value).toList(), Encoders.STRING())
                .toDF("denominator_scope");
        Dataset<Row> monthFrame = spark.createDataset(months, Encoders.STRING()).toDF("month");
        Dataset<Row> grid = municipalities
                .select("municipality_code", "prefecture_code", "prefecture_name", "municipality_name")
                .crossJoin(scopes)
                .crossJoin(monthFrame);

        WindowSpec history = Window.partitionBy("denominator_scope", "municipality_code").orderBy("month");
        Dataset<Row> counted = grid
                .join(inScope, new String[] {"denominator_scope", "municipality_code"}, "left")
                .join(newlyApplied, new String[] {"denominator_scope", "municipality_code", "month"}, "left")
                .join(active, new String[] {"denominator_scope", "municipality_code", "month"}, "left")
                .withColumn("offices_in_scope", coalesce(col("offices_in_scope"), lit(0L)))
                .withColumn("offices_active", coalesce(col("offices_active"), lit(0L)))
                .withColumn("offices_applied", sum(coalesce(col("newly_applied"), lit(0L))).over(
                        history.rowsBetween(Window.unboundedPreceding(), Window.currentRow())))
                .withColumn("application_rate", rate(col("offices_applied"), col("offices_in_scope")))
                .withColumn("active_rate", rate(col("offices_active"), col("offices_in_scope")))
                // the grid has every month, so the row three back is month − 3
                .withColumn("rate_change_3m",
                        col("application_rate").minus(lag(col("application_rate"), CHANGE_MONTHS).over(history)))
                .where(col("month").geq(lit(range.from().toString())));

        Column ranked = col("offices_in_scope").gt(0);
        Dataset<Row> result = counted
                .withColumn("size_class", SizeClass.of(col("offices_in_scope")))
                .withColumn("_ranked", ranked)
                .withColumn("wilson_lower_bound", wilsonLowerBound(col("offices_applied"), col("offices_in_scope")))
                .withColumn("wilson_rank", when(col("_ranked"), rank().over(Window.partitionBy("month", "denominator_scope",
                        "_ranked").orderBy(col("wilson_lower_bound").desc()))))
                .withColumn("national_rank", rankWithin("month", "denominator_scope", "_ranked"))
                .withColumn("prefecture_rank", rankWithin("month", "denominator_scope", "_ranked", "prefecture_code"))
                .withColumn("size_class_rank", rankWithin("month", "denominator_scope", "_ranked", "size_class"));

        return result.select(
                col("month"),
                col("denominator_scope"),
                col("prefecture_code"),
                col("prefecture_name"),
                col("municipality_code"),
                col("municipality_name"),
                col("offices_in_scope").cast(DataTypes.LongType),
                col("offices_applied").cast(DataTypes.LongType),
                col("application_rate").cast(DataTypes.DoubleType),
                col("offices_active").cast(DataTypes.LongType),
                col("active_rate").cast(DataTypes.DoubleType),
                col("national_rank").cast(DataTypes.IntegerType),
                col("prefecture_rank").cast(DataTypes.IntegerType),
                col("size_class"),
                col("size_class_rank").cast(DataTypes.IntegerType),
                col("rate_change_3m").cast(DataTypes.DoubleType),
                col("wilson_lower_bound").cast(DataTypes.DoubleType),
                col("wilson_rank").cast(DataTypes.IntegerType));
    }

    /**
     * office_number × month of every office that sent or received a delivered file whose target_month is one of
     * {@code months}: what "active" means in every adoption mart.
     */
    static Dataset<Row> activeOfficeMonths(Dataset<Row> exchanges, List<String> months) {
        Dataset<Row> delivered = exchanges.where(col("status").equalTo(ExchangeStatus.DELIVERED.value())
                .and(col("target_month").isin(months.toArray())));
        return delivered.select(col("sender_office").as("office_number"), col("target_month").as("month"))
                .union(delivered.select(col("recipient_office").as("office_number"), col("target_month").as("month")))
                .where(col("office_number").isNotNull())
                .distinct();
    }

    /** The offices of each scope: denominator_scope, office_number, service_type, municipality_code. */
    static Dataset<Row> scopedOffices(Dataset<Row> offices) {
        Dataset<Row> scoped = null;
        for (DenominatorScope scope : DenominatorScope.values()) {
            Dataset<Row> part = offices
                    .where(col("service_type").isin(scope.serviceTypes().toArray()))
                    .select(lit(scope.value()).as("denominator_scope"), col("office_number"), col("service_type"),
                            col("municipality_code"))
                    .distinct();
            scoped = scoped == null ? part : scoped.union(part);
        }
        return scoped;
    }

    /**
     * The lower end of the 95 % Wilson score interval of applied ÷ offices: a rate that three offices out of three
     * reach counts for less than 80 of 100, so that towns with a handful of offices do not fill the top of every list.
     * Null when there is no office.
     */
    static Column wilsonLowerBound(Column applied, Column offices) {
        double z = 1.959964;
        Column n = offices.cast(DataTypes.DoubleType);
        Column p = try_divide(applied.cast(DataTypes.DoubleType), n);
        Column spread = org.apache.spark.sql.functions.sqrt(p.multiply(lit(1.0).minus(p)).divide(n)
                .plus(lit(z * z / 4).divide(n.multiply(n))));
        return when(offices.gt(0), p.plus(lit(z * z / 2).divide(n)).minus(spread.multiply(z))
                .divide(lit(1.0).plus(lit(z * z).divide(n))));
    }

    /** numerator ÷ denominator; null when the denominator is 0. */
    static Column rate(Column numerator, Column denominator) {
        return try_divide(numerator.cast(DataTypes.DoubleType), denominator.cast(DataTypes.DoubleType));
    }

    /** RANK by application_rate descending within the partition; null for municipalities without offices. */
    private static Column rankWithin(String... partition) {
        WindowSpec window = Window.partitionBy(partition[0], Arrays.copyOfRange(partition, 1, partition.length))
                .orderBy(col("application_rate").desc());
        return when(col("_ranked"), rank().over(window));
    }
}
