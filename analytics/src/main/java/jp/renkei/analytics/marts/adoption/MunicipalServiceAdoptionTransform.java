package jp.renkei.analytics.marts.adoption;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import java.util.List;

import jp.renkei.ingest.standard.ServiceType;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code municipal_service_adoption}: month × municipality × in-scope service type (docs/marts.md) — the
 * municipality page's "offices by service type". The definitions are {@code municipal_adoption}'s (an office is one
 * {@code offices} row of an in-scope type; applied by the month's end; active with a delivered file of the month), so
 * the rows of a municipality and month add up to its {@code all_in_scope} row there (an office number with two types
 * counts once per type in both). Only types the municipality has offices of get rows.
 */
public final class MunicipalServiceAdoptionTransform {

    public static final Mart MART = Mart.MUNICIPAL_SERVICE_ADOPTION;

    private MunicipalServiceAdoptionTransform() {
    }

    /** Inputs as for {@link MunicipalAdoptionTransform#apply}. */
    public static Dataset<Row> apply(Dataset<Row> offices, Dataset<Row> municipalities, Dataset<Row> applications,
                                     Dataset<Row> exchanges, MonthRange range) {
        SparkSession spark = offices.sparkSession();
        List<String> months = range.months();

        Dataset<Row> inScope = offices.where(col("service_type").isin(InScopeServiceTypes.ALL.toArray()))
                .select("office_number", "service_type", "municipality_code")
                .distinct();
        Dataset<Row> firstApplied = applications.where(col("applied_on").isNotNull())
                .groupBy("office_number")
                .agg(date_format(min("applied_on"), "yyyy-MM").as("first_applied_month"));
        Dataset<Row> active = MunicipalAdoptionTransform.activeOfficeMonths(exchanges, months)
                .withColumn("is_active", lit(1L));
        Dataset<Row> monthFrame = spark.createDataset(months, Encoders.STRING()).toDF("month");

        Dataset<Row> counted = inScope.crossJoin(monthFrame)
                .join(firstApplied, new String[] {"office_number"}, "left")
                .join(active, new String[] {"office_number", "month"}, "left")
                .groupBy("month", "municipality_code", "service_type")
                .agg(count(lit(1)).as("offices_in_scope"),
                        sum(when(col("first_applied_month").leq(col("month")), 1L).otherwise(0L)).as("offices_applied"),
                        sum(when(col("is_active").isNotNull(), 1L).otherwise(0L)).as("offices_active"));

        return counted
                .join(municipalities.select("municipality_code", "prefecture_code"), "municipality_code")
                .join(serviceTypeNames(spark), new String[] {"service_type"}, "left")
                .select(
                        col("month"),
                        col("prefecture_code"),
                        col("municipality_code"),
                        col("service_type"),
                        col("service_type_name"),
                        col("offices_in_scope").cast(DataTypes.LongType),
                        col("offices_applied").cast(DataTypes.LongType),
                        MunicipalAdoptionTransform.rate(col("offices_applied"), col("offices_in_scope"))
                                .as("application_rate"),
                        col("offices_active").cast(DataTypes.LongType),
                        MunicipalAdoptionTransform.rate(col("offices_active"), col("offices_in_scope"))
                                .as("active_rate"));
    }

    /** service_type → its official name, from ingest's {@link ServiceType}: named once, for the validators too. */
    /** service_type, service_type_name: every サービス種類コード renkei names, with its official name. */
    public static Dataset<Row> serviceTypeNames(SparkSession spark) {
        StructType schema = new StructType()
                .add("service_type", DataTypes.StringType, false)
                .add("service_type_name", DataTypes.StringType, false);
        return spark.createDataFrame(Arrays.stream(ServiceType.values())
                .map(type -> RowFactory.create(type.code(), type.japaneseName())).toList(), schema);
    }
}
