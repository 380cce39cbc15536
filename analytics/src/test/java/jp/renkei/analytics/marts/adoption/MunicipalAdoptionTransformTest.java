package jp.renkei.analytics.marts.adoption;

import static jp.renkei.analytics.marts.adoption.AdoptionFixture.A;
import static jp.renkei.analytics.marts.adoption.AdoptionFixture.B;
import static jp.renkei.analytics.marts.adoption.AdoptionFixture.C;
import static jp.renkei.analytics.marts.adoption.AdoptionFixture.D;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MunicipalAdoptionTransformTest {

    private static final String ALL = "all_in_scope";
    private static final String CM = "care_management_only";

    private static Dataset<Row> mart;
    private static Map<String, Row> rows;

    @BeforeAll
    static void build() {
        mart = AdoptionFixture.municipalAdoption().cache();
        rows = AdoptionFixture.byKey(mart, "municipality_code");
    }

    private static Row row(String month, String scope, String municipality) {
        Row row = rows.get(month + "|" + scope + "|" + municipality);
        assertThat(row).as("row %s %s %s", month, scope, municipality).isNotNull();
        return row;
    }

    @Test
    void hasTheContractColumnsAndTypesInOrder() {
        StructType schema = mart.schema();
        assertThat(schema.fieldNames()).containsExactlyElementsOf(MunicipalAdoptionTransform.COLUMNS);
        assertThat(schema.apply("offices_in_scope").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(schema.apply("offices_applied").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(schema.apply("offices_active").dataType()).isEqualTo(DataTypes.LongType);
        assertThat(schema.apply("application_rate").dataType()).isEqualTo(DataTypes.DoubleType);
        assertThat(schema.apply("national_rank").dataType()).isEqualTo(DataTypes.IntegerType);
        assertThat(schema.apply("size_class_rank").dataType()).isEqualTo(DataTypes.IntegerType);
        assertThat(schema.apply("rate_change_3m").dataType()).isEqualTo(DataTypes.DoubleType);
    }

    @Test
    void everyMunicipalityGetsARowPerMonthAndScope() {
        assertThat(mart.count()).isEqualTo(4 * 4 * 2);
        assertThat(Arrays.asList((Object[]) mart.select("month").distinct().orderBy("month").as(
                org.apache.spark.sql.Encoders.STRING()).collect()))
                .containsExactly("2024-01", "2024-02", "2024-03", "2024-04");
    }

    @Test
    void countsOfficeLinesInScopeAndLeavesOutOtherTypes() {
        Row a = row("2024-01", ALL, A);
        // 3100000001 counts twice (43 and 11); 3100000004 (type 51) not at all
        assertThat(a.<Long>getAs("offices_in_scope")).isEqualTo(4L);
        assertThat(a.<String>getAs("prefecture_name")).isEqualTo("鳥取県");
        assertThat(a.<String>getAs("municipality_name")).isEqualTo("鳥取市");
        assertThat(row("2024-01", ALL, B).<Long>getAs("offices_in_scope")).isEqualTo(2L);
    }

    @Test
    void anApplicationOnTheMonthsLastDayCountsForThatMonthAndCoversEveryServiceTypeOfTheNumber() {
        Row a = row("2024-01", ALL, A);
        assertThat(a.<Long>getAs("offices_applied")).isEqualTo(2L);
        assertThat(a.<Double>getAs("application_rate")).isEqualTo(0.5);
        // applied on 2024-02-01: not yet in January, counted from February on
        assertThat(row("2024-02", ALL, A).<Long>getAs("offices_applied")).isEqualTo(3L);
        assertThat(row("2024-04", ALL, A).<Double>getAs("application_rate")).isEqualTo(0.75);
    }

    @Test
    void aSecondApplicationOfTheSameNumberDoesNotCountTwice() {
        assertThat(row("2024-03", ALL, B).<Long>getAs("offices_applied")).isEqualTo(1L);
        assertThat(row("2024-04", ALL, B).<Double>getAs("application_rate")).isEqualTo(0.5);
    }

    @Test
    void activeMeansSenderOrRecipientOfADeliveredExchangeForTheMonthCountedOnce() {
        Row a = row("2024-01", ALL, A);
        // 3100000001 (two lines, message landed twice) + 3100000003 as recipient
        assertThat(a.<Long>getAs("offices_active")).isEqualTo(3L);
        assertThat(a.<Double>getAs("active_rate")).isEqualTo(0.75);
        // February: 3100000002 only in a held exchange
        assertThat(row("2024-02", ALL, A).<Long>getAs("offices_active")).isZero();
        assertThat(row("2024-01", ALL, D).<Long>getAs("offices_active")).isZero();
        assertThat(row("2024-02", ALL, D).<Double>getAs("active_rate")).isEqualTo(1.0);
    }

    @Test
    void ranksByRateDescendingAndTiesShareARank() {
        // January: D 1.0, A 0.5, B 0.5
        assertThat(ranks("2024-01", ALL, "national_rank")).containsExactly(2, 2, null, 1);
        assertThat(ranks("2024-01", ALL, "prefecture_rank")).containsExactly(1, 1, null, 1);
        // February: D 1.0, A 0.75, B 0.5
        assertThat(ranks("2024-02", ALL, "national_rank")).containsExactly(2, 3, null, 1);
        assertThat(ranks("2024-02", ALL, "size_class_rank")).containsExactly(2, 3, null, 1);
    }

    @Test
    void theWilsonRankPutsTwoOfTwoAboveTwoOfFourAboveOneOfTwo() {
        // 2024-01, all in scope: A 2/4, B 1/2, C no office, D 2/2.
        assertThat(ranks("2024-01", ALL, "wilson_rank")).containsExactly(2, 3, null, 1);
        assertThat(row("2024-01", ALL, AdoptionFixture.D).<Double>getAs("wilson_lower_bound"))
                .isCloseTo(0.34238, org.assertj.core.api.Assertions.within(1e-5));
        Row c = row("2024-01", ALL, AdoptionFixture.C);
        assertThat(c.isNullAt(c.fieldIndex("wilson_lower_bound"))).isTrue();
    }

    @Test
    void careManagementScopeCountsOnlyType43() {
        Row a = row("2024-01", CM, A);
        assertThat(a.<Long>getAs("offices_in_scope")).isEqualTo(2L);
        assertThat(a.<Long>getAs("offices_applied")).isEqualTo(1L);
        assertThat(a.<Long>getAs("offices_active")).isEqualTo(1L);
        assertThat(row("2024-01", CM, B).<Double>getAs("application_rate")).isEqualTo(1.0);
        assertThat(row("2024-01", CM, D).<Long>getAs("offices_in_scope")).isEqualTo(1L);
        // B and D tie at 1.0, A follows at 3
        assertThat(ranks("2024-01", CM, "national_rank")).containsExactly(3, 1, null, 1);
    }

    @Test
    void aMunicipalityWithoutOfficesHasNullRatesAndRanksAndSizeClassNone() {
        Row c = row("2024-01", ALL, C);
        assertThat(c.<Long>getAs("offices_in_scope")).isZero();
        assertThat(c.<Long>getAs("offices_applied")).isZero();
        assertThat(c.<Long>getAs("offices_active")).isZero();
        assertThat(c.isNullAt(c.fieldIndex("application_rate"))).isTrue();
        assertThat(c.isNullAt(c.fieldIndex("active_rate"))).isTrue();
        assertThat(c.isNullAt(c.fieldIndex("national_rank"))).isTrue();
        assertThat(c.isNullAt(c.fieldIndex("size_class_rank"))).isTrue();
        assertThat(c.isNullAt(c.fieldIndex("rate_change_3m"))).isTrue();
        assertThat(c.<String>getAs("size_class")).isEqualTo("NONE");
        assertThat(row("2024-01", ALL, A).<String>getAs("size_class")).isEqualTo("S");
    }

    @Test
    void rateChangeComparesWithThreeMonthsEarlierEvenBeforeTheRange() {
        assertThat(row("2024-04", ALL, A).<Double>getAs("rate_change_3m")).isCloseTo(0.25, within(1e-12));
        assertThat(row("2024-04", ALL, B).<Double>getAs("rate_change_3m")).isEqualTo(0.0);
        // 2024-01 against 2023-10, before the range: nobody had applied then
        assertThat(row("2024-01", ALL, A).<Double>getAs("rate_change_3m")).isEqualTo(0.5);
        assertThat(row("2024-01", ALL, D).<Double>getAs("rate_change_3m")).isEqualTo(1.0);
    }

    @Test
    void aMonthsRowDoesNotDependOnWhereTheRangeStarts() {
        Dataset<Row> april = MunicipalAdoptionTransform.apply(AdoptionFixture.offices(),
                AdoptionFixture.municipalities(), AdoptionFixture.applications(), AdoptionFixture.exchanges(),
                MonthRange.of("2024-04", "2024-04"));
        assertThat(april.count()).isEqualTo(4 * 2);
        assertThat(april.except(mart.where("month = '2024-04'")).count()).isZero();
    }

    /** The rank column of A, B, C, D in that order. */
    private static Integer[] ranks(String month, String scope, String column) {
        return Arrays.stream(new String[] {A, B, C, D})
                .map(m -> row(month, scope, m))
                .map(r -> r.isNullAt(r.fieldIndex(column)) ? null : r.<Integer>getAs(column))
                .toArray(Integer[]::new);
    }
}
