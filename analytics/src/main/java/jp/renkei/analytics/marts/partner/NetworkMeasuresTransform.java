package jp.renkei.analytics.marts.partner;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import jp.renkei.analytics.marts.MartFrames;
import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.ingest.landing.ExchangeStatus;
import jp.renkei.marts.Mart;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code network_measures} (docs/marts.md): per prefecture and model region and month, offices as nodes and delivered
 * files between two offices of the area as edges — how many offices are linked, in how many pairs, how large the
 * largest connected group is, and what share of the plan lines of the area's offices have both ends on the system
 * (the regional efficiency the policy aims at, "地域全体の効率化").
 *
 * <p>Connected groups are found per area and month by union-find over that area's edges, inside one task: an area's
 * edges are a few thousand pairs at national scale, far below what a task holds.
 */
public final class NetworkMeasuresTransform {
    private static final String KEY_SEPARATOR = "|";
    private static final StructType COMPONENTS = StructType.fromDDL(
            "month string, area_type string, area_code string, linked_offices bigint, linked_pairs bigint, "
                    + "largest_group bigint");

    private NetworkMeasuresTransform() {
    }

    /**
     * @param links        {@link PlanLinks}
     * @param exchanges    de-duplicated exchanges: sender_office, recipient_office, target_month, status
     * @param offices      staged offices: office_number, municipality_code, prefecture_code
     * @param applications staged applications: office_number, applied_on
     * @param modelRegions staged model regions
     */
    public static Dataset<Row> apply(Dataset<Row> links, Dataset<Row> exchanges, Dataset<Row> offices,
                                     Dataset<Row> applications, Dataset<Row> modelRegions, MonthRange range) {
        Dataset<Row> areas = AreaMembership.prefecturesAndRegions(modelRegions, offices).persist();
        Dataset<Row> months = offices.sparkSession().createDataset(range.months(), Encoders.STRING()).toDF("month");

        Dataset<Row> firstApplied = applications.where(col("applied_on").isNotNull()).groupBy("office_number")
                .agg(date_format(min("applied_on"), "yyyy-MM").as("_applied_month"));
        Dataset<Row> applied = areas.join(firstApplied, "office_number").crossJoin(months)
                .where(col("_applied_month").leq(col("month")))
                .groupBy("month", "area_type", "area_code").agg(count(lit(1)).as("offices_applied"));

        Dataset<Row> pairs = exchanges
                .where(col("status").equalTo(ExchangeStatus.DELIVERED.value())
                        .and(col("target_month").isin(range.months().toArray()))
                        .and(col("sender_office").notEqual(col("recipient_office"))))
                .select(col("target_month").as("month"),
                        least(col("sender_office"), col("recipient_office")).as("_one"),
                        greatest(col("sender_office"), col("recipient_office")).as("_other"))
                .distinct();
        Dataset<Row> edges = pairs
                .join(areas.select(col("office_number").as("_one"), col("area_type"), col("area_code")), "_one")
                .join(areas.select(col("office_number").as("_other"), col("area_type"), col("area_code")),
                        new String[] {"_other", "area_type", "area_code"});
        Dataset<Row> components = edges
                .groupByKey((MapFunction<Row, String>) NetworkMeasuresTransform::areaMonth, Encoders.STRING())
                .mapGroups((MapGroupsFunction<String, Row, Row>) NetworkMeasuresTransform::components,
                        Encoders.row(COMPONENTS));

        Dataset<Row> lines = links.join(areas.select(col("office_number").as("partner_office_number"),
                        col("area_type"), col("area_code")), "partner_office_number")
                .groupBy("month", "area_type", "area_code")
                .agg(sum("partner_lines").as("visible_lines"),
                        sum(when(col("partner_adopted"), col("partner_lines")).otherwise(0L)).as("linked_lines"));

        Dataset<Row> result = areas.select("area_type", "area_code", "area_name", "prefecture_code").distinct()
                .crossJoin(months)
                .join(applied, new String[] {"month", "area_type", "area_code"}, "left")
                .join(components, new String[] {"month", "area_type", "area_code"}, "left")
                .join(lines, new String[] {"month", "area_type", "area_code"}, "left");
        for (String column : List.of("offices_applied", "linked_offices", "linked_pairs", "largest_group",
                "visible_lines", "linked_lines")) {
            result = result.withColumn(column, coalesce(col(column), lit(0L)));
        }
        result = result
                .withColumn("largest_group_share", try_divide(col("largest_group").cast(DataTypes.DoubleType),
                        col("linked_offices").cast(DataTypes.DoubleType)))
                .withColumn("linked_line_share", try_divide(col("linked_lines").cast(DataTypes.DoubleType),
                        col("visible_lines").cast(DataTypes.DoubleType)));
        return MartFrames.conform(result, Mart.NETWORK_MEASURES);
    }

    private static String areaMonth(Row edge) {
        return edge.<String>getAs("month") + KEY_SEPARATOR + edge.<String>getAs("area_type") + KEY_SEPARATOR
                + edge.<String>getAs("area_code");
    }

    /** Union-find over one area's edges of one month: offices linked, pairs, and the largest group's size. */
    static Row components(String key, Iterator<Row> edges) {
        Map<String, String> parent = new HashMap<>();
        long pairs = 0;
        while (edges.hasNext()) {
            Row edge = edges.next();
            String one = root(parent, edge.getAs("_one"));
            String other = root(parent, edge.getAs("_other"));
            if (!one.equals(other)) {
                parent.put(one, other);
            }
            pairs++;
        }
        Map<String, Long> sizes = new HashMap<>();
        for (String office : new ArrayList<>(parent.keySet())) {
            sizes.merge(root(parent, office), 1L, Long::sum);
        }
        long largest = sizes.values().stream().mapToLong(Long::longValue).max().orElse(0);
        String[] parts = key.split("\\" + KEY_SEPARATOR, -1);
        return RowFactory.create(parts[0], parts[1], parts[2], (long) parent.size(), pairs, largest);
    }

    /** The office's group representative, halving the path on the way (every node met points two steps up). */
    private static String root(Map<String, String> parent, String office) {
        parent.putIfAbsent(office, office);
        String current = office;
        while (!parent.get(current).equals(current)) {
            String grandparent = parent.get(parent.get(current));
            parent.put(current, grandparent);
            current = grandparent;
        }
        return current;
    }
}
