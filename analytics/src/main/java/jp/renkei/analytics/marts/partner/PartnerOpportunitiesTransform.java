package jp.renkei.analytics.marts.partner;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import jp.renkei.analytics.marts.MartFrames;
import jp.renkei.analytics.marts.adoption.MunicipalServiceAdoptionTransform;
import jp.renkei.analytics.marts.savings.SavingsModel;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code partner_opportunities} and {@code partner_most_wanted} (docs/marts.md): the offices not on the system that
 * adopting offices' plans name, and what linking each pair would save under the {@link SavingsModel}.
 *
 * <p>A pair that links would exchange, per shared person and month, the plan (UPPLAN, carrying every line of the
 * person's 第6表) and the actuals back (UPJSK, the partner's lines): two documents not printed or posted, and both sets
 * of lines not keyed in. The model's national values apply; an office's own values (--savings-overrides) do not, since
 * the savings fall on two offices.
 */
public final class PartnerOpportunitiesTransform {

    private PartnerOpportunitiesTransform() {
    }

    /**
     * @param links   {@link PlanLinks}
     * @param offices staged offices: office_number, service_type, office_name, municipality_code
     */
    public static Dataset<Row> opportunities(Dataset<Row> links, Dataset<Row> offices, SavingsModel model) {
        Dataset<Row> listed = listed(offices);
        Column documents = col("documents").cast(DataTypes.DoubleType);
        Column handlingHours = documents.multiply(model.handlingMinutesPerDocument() / 60.0);
        Column keyingHours = col("plan_lines").plus(col("partner_lines")).cast(DataTypes.DoubleType)
                .multiply(model.transcriptionMinutesPerLine() / 60.0);
        Dataset<Row> result = links.where(col("partner_adopted").equalTo(false))
                .withColumn("prefecture_code", substring(col("office_number"), 1, 2))
                .withColumn("partner_prefecture_code", substring(col("partner_office_number"), 1, 2))
                .withColumn("documents", col("persons_shared").multiply(2L))
                .withColumn("sheets_saved", documents.multiply(model.sheetsPerDocument()))
                .withColumn("postage_saved_yen", documents.multiply(model.postageYenPerDocument() * model.mailedShare()))
                .withColumn("hours_saved", handlingHours.plus(keyingHours))
                .withColumn("savings_yen", col("sheets_saved").multiply(model.paperYenPerSheet())
                        .plus(col("postage_saved_yen")).plus(col("hours_saved").multiply(model.staffYenPerHour())))
                .join(listed.select(col("office_number"), col("_municipality_code").as("municipality_code")),
                        new String[] {"office_number"}, "left")
                .join(listed.select(col("office_number").as("partner_office_number"),
                        col("_office_name").as("partner_name"),
                        col("_municipality_code").as("partner_municipality_code")),
                        new String[] {"partner_office_number"}, "left")
                .join(MunicipalServiceAdoptionTransform.serviceTypeNames(links.sparkSession())
                        .withColumnRenamed("service_type", "partner_service_type")
                        .withColumnRenamed("service_type_name", "partner_service_type_name"),
                        new String[] {"partner_service_type"}, "left");
        return MartFrames.conform(result, Mart.PARTNER_OPPORTUNITIES);
    }

    /**
     * Per office not on the system, its pairs summed, ranked in its prefecture and its municipality by persons shared
     * (then savings, then office number, so ties rank the same way every run).
     *
     * @param opportunities {@link #opportunities}
     */
    public static Dataset<Row> mostWanted(Dataset<Row> opportunities) {
        Column order = col("persons_shared").desc();
        Dataset<Row> wanted = opportunities
                .groupBy(col("month"), col("partner_office_number").as("office_number"))
                .agg(min("partner_service_type").as("service_type"),
                        min("partner_service_type_name").as("service_type_name"), min("partner_name").as("office_name"),
                        min("partner_municipality_code").as("municipality_code"),
                        count(lit(1)).as("adopting_partners"), sum("persons_shared").as("persons_shared"),
                        sum("partner_lines").as("partner_lines"), sum("savings_yen").as("savings_yen"))
                .withColumn("prefecture_code", substring(col("office_number"), 1, 2));
        Dataset<Row> ranked = wanted
                .withColumn("prefecture_rank", row_number().over(Window.partitionBy("month", "prefecture_code")
                        .orderBy(order, col("savings_yen").desc(), col("office_number"))))
                .withColumn("_municipality_rank", row_number().over(Window.partitionBy("month", "municipality_code")
                        .orderBy(order, col("savings_yen").desc(), col("office_number"))))
                .withColumn("municipality_rank", when(col("municipality_code").isNotNull(), col("_municipality_rank")));
        return MartFrames.conform(ranked, Mart.PARTNER_MOST_WANTED);
    }

    /** One row per office number: its name and municipality (an office of several types is listed once per type). */
    static Dataset<Row> listed(Dataset<Row> offices) {
        return offices.groupBy("office_number").agg(min("office_name").as("_office_name"),
                min("municipality_code").as("_municipality_code"));
    }
}
