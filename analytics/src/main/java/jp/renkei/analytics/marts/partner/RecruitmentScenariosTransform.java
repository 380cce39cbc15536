package jp.renkei.analytics.marts.partner;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import jp.renkei.analytics.marts.MartFrames;
import jp.renkei.analytics.marts.adoption.DenominatorScope;
import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code recruitment_scenarios} (docs/marts.md): per municipality and model region and month, what would follow if
 * the area's top N most-wanted offices joined — the application rate (as {@code municipal_adoption} and
 * {@code model_region_effect} count it), the persons and savings their pairs would bring, and the share of the area's
 * plan lines with both ends on the system.
 *
 * <p>The area's most-wanted offices are ranked as in {@code partner_most_wanted} (persons shared, then savings, then
 * number). A recruited office adds each of its in-scope rows (office number × service type) to the applied count.
 */
public final class RecruitmentScenariosTransform {
    static final List<Integer> TOP_N = List.of(5, 10);

    private RecruitmentScenariosTransform() {
    }

    /**
     * @param mostWanted        {@code partner_most_wanted}
     * @param links             {@link PlanLinks}
     * @param municipal         {@code municipal_adoption}
     * @param modelRegionEffect {@code model_region_effect}
     * @param offices           staged offices
     * @param modelRegions      staged model regions
     */
    public static Dataset<Row> apply(Dataset<Row> mostWanted, Dataset<Row> links, Dataset<Row> municipal,
                                     Dataset<Row> modelRegionEffect, Dataset<Row> offices, Dataset<Row> modelRegions,
                                     MonthRange range) {
        Dataset<Row> areas = AreaMembership.municipalitiesAndRegions(modelRegions, offices).persist();
        Dataset<Row> scopeRows = offices
                .where(col("service_type").isin(DenominatorScope.ALL_IN_SCOPE.serviceTypes().toArray()))
                .select("office_number", "service_type").distinct()
                .groupBy("office_number").agg(count(lit(1)).as("_scope_rows"));
        Dataset<Row> topN = offices.sparkSession().createDataset(TOP_N, Encoders.INT()).toDF("top_n");

        Column order = col("persons_shared").desc();
        Dataset<Row> wanted = mostWanted.select("month", "office_number", "persons_shared", "partner_lines", "savings_yen")
                .join(areas, "office_number")
                .join(scopeRows, new String[] {"office_number"}, "left")
                .withColumn("_rank", row_number().over(Window.partitionBy("month", "area_type", "area_code")
                        .orderBy(order, col("savings_yen").desc(), col("office_number"))));
        String[] areaMonth = {"month", "area_type", "area_code"};
        Dataset<Row> wantedCounts = wanted.groupBy("month", "area_type", "area_code")
                .agg(count(lit(1)).as("wanted_offices"));
        Dataset<Row> recruited = wanted.crossJoin(topN).where(col("_rank").leq(col("top_n")))
                .groupBy("month", "area_type", "area_code", "top_n")
                .agg(count(lit(1)).as("recruited_offices"),
                        sum(coalesce(col("_scope_rows"), lit(0L))).as("_rows_added"),
                        sum("persons_shared").as("persons_added"), sum("savings_yen").as("savings_added_yen"),
                        sum("partner_lines").as("_lines_added"));
        Dataset<Row> lines = links.join(areas.withColumnRenamed("office_number", "partner_office_number"),
                        "partner_office_number")
                .groupBy("month", "area_type", "area_code")
                .agg(sum("partner_lines").as("visible_lines"),
                        sum(when(col("partner_adopted"), col("partner_lines")).otherwise(0L)).as("linked_lines"));

        Dataset<Row> municipalities = municipal
                .where(col("denominator_scope").equalTo(DenominatorScope.ALL_IN_SCOPE.value()))
                .select(col("month"), lit(AreaMembership.MUNICIPALITY).as("area_type"),
                        col("municipality_code").as("area_code"), col("municipality_name").as("area_name"),
                        col("prefecture_code"), col("municipality_code"), col("offices_in_scope"),
                        col("offices_applied"));
        Dataset<Row> regions = modelRegionEffect.where(col("month").isin(range.months().toArray()))
                .select(col("month"), lit(AreaMembership.MODEL_REGION).as("area_type"), col("region_id").as("area_code"),
                        col("region_name").as("area_name"), col("prefecture_code"),
                        lit(null).cast(DataTypes.StringType).as("municipality_code"),
                        col("region_offices").as("offices_in_scope"), col("region_applied").as("offices_applied"));

        Dataset<Row> result = municipalities.union(regions).crossJoin(topN)
                .join(wantedCounts, areaMonth, "left")
                .join(recruited, new String[] {"month", "area_type", "area_code", "top_n"}, "left")
                .join(lines, areaMonth, "left");
        for (String column : List.of("wanted_offices", "recruited_offices", "_rows_added", "persons_added",
                "_lines_added", "visible_lines", "linked_lines")) {
            result = result.withColumn(column, coalesce(col(column), lit(0L)));
        }
        result = result
                .withColumn("savings_added_yen", coalesce(col("savings_added_yen"), lit(0.0)))
                .withColumn("offices_applied_after", col("offices_applied").plus(col("_rows_added")))
                .withColumn("application_rate", rate(col("offices_applied"), col("offices_in_scope")))
                .withColumn("application_rate_after", rate(col("offices_applied_after"), col("offices_in_scope")))
                .withColumn("linked_line_share", rate(col("linked_lines"), col("visible_lines")))
                .withColumn("linked_line_share_after",
                        rate(col("linked_lines").plus(col("_lines_added")), col("visible_lines")));
        return MartFrames.conform(result, Mart.RECRUITMENT_SCENARIOS);
    }

    private static Column rate(Column numerator, Column denominator) {
        return try_divide(numerator.cast(DataTypes.DoubleType), denominator.cast(DataTypes.DoubleType));
    }
}
