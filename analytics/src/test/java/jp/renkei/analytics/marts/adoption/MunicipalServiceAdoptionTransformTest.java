package jp.renkei.analytics.marts.adoption;

import static jp.renkei.analytics.marts.adoption.AdoptionFixture.A;
import static jp.renkei.analytics.marts.adoption.AdoptionFixture.B;
import static jp.renkei.analytics.marts.adoption.AdoptionFixture.C;
import static jp.renkei.analytics.marts.adoption.AdoptionFixture.D;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.renkei.analytics.quality.ContractChecks;
import jp.renkei.analytics.quality.QualityCheck;
import jp.renkei.marts.Mart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MunicipalServiceAdoptionTransformTest {

    private static Dataset<Row> mart;
    private static Map<String, Row> rows;

    @BeforeAll
    static void build() {
        mart = MunicipalServiceAdoptionTransform.apply(AdoptionFixture.offices(), AdoptionFixture.municipalities(),
                AdoptionFixture.applications(), AdoptionFixture.exchanges(), AdoptionFixture.RANGE).cache();
        rows = new HashMap<>();
        for (Row row : mart.collectAsList()) {
            String key = row.getAs("month") + "|" + row.getAs("municipality_code") + "|" + row.getAs("service_type");
            assertThat(rows.put(key, row)).as("duplicate key %s", key).isNull();
        }
    }

    private static Row row(String month, String municipality, String serviceType) {
        Row row = rows.get(month + "|" + municipality + "|" + serviceType);
        assertThat(row).as("row %s %s %s", month, municipality, serviceType).isNotNull();
        return row;
    }

    @Test
    void writesTheContractsColumnsInOrderAndPassesItsChecks() {
        assertThat(mart.columns()).containsExactlyElementsOf(Mart.MUNICIPAL_SERVICE_ADOPTION.columnNames());
        List<QualityCheck> checks = ContractChecks.outputs(Mart.MUNICIPAL_SERVICE_ADOPTION, mart);
        assertThat(checks).allSatisfy(check -> assertThat(check.evaluate()).isEmpty());
    }

    @Test
    void onlyTypesAMunicipalityHasOfficesOfGetRowsAndOutOfScopeTypesNone() {
        assertThat(rows.keySet().stream().filter(key -> key.startsWith("2024-01|")).sorted().toList())
                .containsExactly("2024-01|" + A + "|11", "2024-01|" + A + "|15", "2024-01|" + A + "|43",
                        "2024-01|" + B + "|2A", "2024-01|" + B + "|43",
                        "2024-01|" + D + "|13", "2024-01|" + D + "|43");
        assertThat(rows.keySet()).noneMatch(key -> key.contains(C)).noneMatch(key -> key.endsWith("|51"));
        assertThat(rows).hasSize(7 * 4);
    }

    @Test
    void countsAnOfficeNumberOncePerTypeWithTheLicenseAndActivityOfTheNumber() {
        Row careManagement = row("2024-01", A, "43");
        assertThat(careManagement.<Long>getAs("offices_in_scope")).isEqualTo(2L);
        assertThat(careManagement.<Long>getAs("offices_applied")).isEqualTo(1L);
        assertThat(careManagement.<Double>getAs("application_rate")).isEqualTo(0.5);
        assertThat(careManagement.<Long>getAs("offices_active")).isEqualTo(1L);
        assertThat(careManagement.<String>getAs("service_type_name")).isEqualTo("居宅介護支援");
        assertThat(careManagement.<String>getAs("prefecture_code")).isEqualTo("31");

        Row homeHelp = row("2024-01", A, "11");
        assertThat(homeHelp.<Long>getAs("offices_applied")).isEqualTo(1L);
        assertThat(homeHelp.<Long>getAs("offices_active")).isEqualTo(1L);
        assertThat(homeHelp.<String>getAs("service_type_name")).isEqualTo("訪問介護");
    }

    @Test
    void appliedAccumulatesAndActiveIsPerMonthOnDeliveredFilesOnly() {
        Row february = row("2024-02", A, "43");
        assertThat(february.<Long>getAs("offices_applied")).isEqualTo(2L);
        // 3100000002's only file is held, 3100000001 sent nothing for 2024-02
        assertThat(february.<Long>getAs("offices_active")).isZero();
        assertThat(february.<Double>getAs("active_rate")).isZero();
        // applied before the first month of the range counts from it
        assertThat(row("2024-01", B, "43").<Long>getAs("offices_applied")).isEqualTo(1L);
        assertThat(row("2024-01", D, "13").<Long>getAs("offices_active")).isZero();
        assertThat(row("2024-02", D, "13").<Long>getAs("offices_active")).isEqualTo(1L);
    }

    @Test
    void theTypesOfAMunicipalityAddUpToItsAllInScopeRow() {
        Map<String, Row> municipal = AdoptionFixture.byKey(AdoptionFixture.municipalAdoption(), "municipality_code");
        for (String month : AdoptionFixture.RANGE.months()) {
            for (String municipality : List.of(A, B, D)) {
                Row total = municipal.get(month + "|all_in_scope|" + municipality);
                List<Row> types = rows.values().stream()
                        .filter(row -> row.getAs("month").equals(month) && row.getAs("municipality_code").equals(municipality))
                        .toList();
                for (String column : List.of("offices_in_scope", "offices_applied", "offices_active")) {
                    assertThat(types.stream().mapToLong(row -> row.<Long>getAs(column)).sum())
                            .as("%s %s %s", month, municipality, column).isEqualTo(total.<Long>getAs(column));
                }
            }
        }
    }
}
