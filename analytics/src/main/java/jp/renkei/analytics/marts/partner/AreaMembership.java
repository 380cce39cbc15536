package jp.renkei.analytics.marts.partner;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which areas an office number belongs to: its prefecture and municipality from the office list, and each model
 * region that names it or one of whose member municipalities it is located in — the same membership as
 * {@code model_region_effect}, at the level of office numbers.
 */
final class AreaMembership {
    static final String MUNICIPALITY = "municipality";
    static final String PREFECTURE = "prefecture";
    static final String MODEL_REGION = "model_region";

    private AreaMembership() {
    }

    /** region_id, region_name, prefecture_code, office_number. */
    static Dataset<Row> regionOffices(Dataset<Row> modelRegions, Dataset<Row> offices) {
        Dataset<Row> regions = modelRegions.groupBy("region_id").agg(first("region_name", true).as("region_name"),
                first("prefecture_code", true).as("prefecture_code"));
        Dataset<Row> byOffice = modelRegions.where(col("member_type").equalTo("office"))
                .select(col("region_id"), col("member_code").as("office_number"));
        Dataset<Row> byMunicipality = modelRegions.where(col("member_type").equalTo("municipality"))
                .select(col("region_id"), col("member_code").as("municipality_code"))
                .join(offices.select("office_number", "municipality_code"), "municipality_code")
                .select("region_id", "office_number");
        return byOffice.union(byMunicipality).distinct().join(regions, "region_id")
                .select("region_id", "region_name", "prefecture_code", "office_number");
    }

    /**
     * area_type, area_code, area_name (the region's; null for a prefecture), prefecture_code, office_number: every
     * listed office in its prefecture and its regions.
     */
    static Dataset<Row> prefecturesAndRegions(Dataset<Row> modelRegions, Dataset<Row> offices) {
        Dataset<Row> prefectures = offices.select(lit(PREFECTURE).as("area_type"), col("prefecture_code").as("area_code"),
                lit(null).cast("string").as("area_name"), col("prefecture_code"), col("office_number"));
        Dataset<Row> regions = regionOffices(modelRegions, offices).select(lit(MODEL_REGION).as("area_type"),
                col("region_id").as("area_code"), col("region_name").as("area_name"), col("prefecture_code"),
                col("office_number"));
        return prefectures.union(regions).distinct();
    }

    /** area_type, area_code, office_number: every listed office in its municipality and its regions. */
    static Dataset<Row> municipalitiesAndRegions(Dataset<Row> modelRegions, Dataset<Row> offices) {
        Dataset<Row> municipalities = offices.where(col("municipality_code").isNotNull())
                .select(lit(MUNICIPALITY).as("area_type"), col("municipality_code").as("area_code"), col("office_number"));
        Dataset<Row> regions = regionOffices(modelRegions, offices).select(lit(MODEL_REGION).as("area_type"),
                col("region_id").as("area_code"), col("office_number"));
        return municipalities.union(regions).distinct();
    }
}
