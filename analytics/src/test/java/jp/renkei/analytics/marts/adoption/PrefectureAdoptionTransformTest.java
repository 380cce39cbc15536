package jp.renkei.analytics.marts.adoption;

import static jp.renkei.analytics.Frames.row;
import static jp.renkei.analytics.Frames.strings;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

class PrefectureAdoptionTransformTest {

    @Test
    void sumsTheMunicipalitiesOfAPrefecture() {
        Map<String, Row> rows = AdoptionFixture.byKey(
                PrefectureAdoptionTransform.apply(AdoptionFixture.municipalAdoption()), "prefecture_code");
        assertThat(rows).hasSize(4 * 2 * 2);

        Row tottori = rows.get("2024-01|all_in_scope|31");
        assertThat(tottori.<String>getAs("prefecture_name")).isEqualTo("鳥取県");
        assertThat(tottori.<Long>getAs("offices_in_scope")).isEqualTo(6L);
        assertThat(tottori.<Long>getAs("offices_applied")).isEqualTo(3L);
        assertThat(tottori.<Double>getAs("application_rate")).isEqualTo(0.5);
        assertThat(tottori.<Long>getAs("offices_active")).isEqualTo(3L);
        assertThat(tottori.<Double>getAs("active_rate")).isEqualTo(0.5);
        // C (no offices) is not one of the municipalities
        assertThat(tottori.<Long>getAs("municipalities")).isEqualTo(2L);
        assertThat(tottori.<Long>getAs("municipalities_at_100")).isZero();
        assertThat(tottori.<Double>getAs("median_municipality_rate")).isEqualTo(0.5);

        Row shimane = rows.get("2024-01|all_in_scope|32");
        assertThat(shimane.<Long>getAs("municipalities_at_100")).isEqualTo(1L);
        assertThat(shimane.<Double>getAs("median_municipality_rate")).isEqualTo(1.0);
    }

    @Test
    void medianIsExactAndSkipsMunicipalitiesWithoutOffices() {
        // rates 0.2, 0.4, 1.0, 0.9 and one municipality without offices: median (0.4 + 0.9) / 2
        Dataset<Row> municipal = municipal(
                row("01", "5", "1"), row("01", "5", "2"), row("01", "3", "3"), row("01", "10", "9"),
                row("01", "0", "0"),
                // odd count: 0.1, 0.5, 0.3 → 0.3
                row("02", "10", "1"), row("02", "10", "5"), row("02", "10", "3"),
                // only municipalities without offices
                row("03", "0", "0"));
        Map<String, Row> rows = AdoptionFixture.byKey(PrefectureAdoptionTransform.apply(municipal), "prefecture_code");

        Row even = rows.get("2024-01|all_in_scope|01");
        assertThat(even.<Double>getAs("median_municipality_rate")).isCloseTo(0.65, within(1e-12));
        assertThat(even.<Long>getAs("municipalities")).isEqualTo(4L);
        assertThat(even.<Long>getAs("municipalities_at_100")).isEqualTo(1L);
        assertThat(even.<Double>getAs("application_rate")).isCloseTo(15.0 / 23.0, within(1e-12));

        assertThat(rows.get("2024-01|all_in_scope|02").<Double>getAs("median_municipality_rate"))
                .isCloseTo(0.3, within(1e-12));

        Row empty = rows.get("2024-01|all_in_scope|03");
        assertThat(empty.<Long>getAs("municipalities")).isZero();
        assertThat(empty.isNullAt(empty.fieldIndex("median_municipality_rate"))).isTrue();
        assertThat(empty.isNullAt(empty.fieldIndex("application_rate"))).isTrue();
    }

    /** A municipal_adoption-shaped frame for January, one row per (prefecture, in scope, applied). */
    private static Dataset<Row> municipal(String[]... rows) {
        return strings("prefecture_code,offices_in_scope,offices_applied", rows)
                .withColumn("offices_in_scope", col("offices_in_scope").cast(DataTypes.LongType))
                .withColumn("offices_applied", col("offices_applied").cast(DataTypes.LongType))
                .withColumn("offices_active", col("offices_applied"))
                .withColumn("application_rate",
                        MunicipalAdoptionTransform.rate(col("offices_applied"), col("offices_in_scope")))
                .withColumn("month", lit("2024-01"))
                .withColumn("denominator_scope", lit("all_in_scope"))
                .withColumn("prefecture_name", col("prefecture_code"));
    }
}
