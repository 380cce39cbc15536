package jp.renkei.analytics.marts.adoption;

import static jp.renkei.analytics.Frames.landed;
import static jp.renkei.analytics.Frames.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import jp.renkei.analytics.staging.LandingStaging;
import jp.renkei.ingest.landing.LandingDataset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cases a real year brings, from raw landings through staging to {@code municipal_adoption}: 日野町 (313009) merges
 * into 鳥取市 (311006) and its offices move with the next office list; a month passes without any file; a paid license
 * ends without renewal. January and February 2024, one landing of each reference dataset per month end.
 *
 * <pre>
 * office       type  Jan list   Feb list   applied     license end   exchanges
 * 3100000001   43    313009     311006     2023-12-01  2024-01-15    2024-01 (sender)
 * 3100000002   11    313009     311006     -           -             2024-01 (recipient)
 * 3100000003   43    311006     311006     2024-02-10  -             -
 * </pre>
 */
class MunicipalAdoptionEdgeCasesTest {
    private static final String TOTTORI = "311006";
    private static final String HINO = "313009";
    private static final String ALL = "all_in_scope";
    private static Map<String, Row> rows;

    @BeforeAll
    static void transform() {
        Dataset<Row> municipalities = LandingStaging.municipalities(landed(LandingDataset.MUNICIPALITIES,
                row(TOTTORI, "31", "鳥取県", "鳥取市", "トットリシ", "2024-01-31", "2024-01-31 09:00:00"),
                row(HINO, "31", "鳥取県", "日野町", "ヒノチョウ", "2024-01-31", "2024-01-31 09:00:00"),
                // the master after the merger no longer lists 日野町
                row(TOTTORI, "31", "鳥取県", "鳥取市", "トットリシ", "2024-02-29", "2024-02-29 09:00:00")));
        Dataset<Row> offices = LandingStaging.offices(landed(LandingDataset.OFFICES,
                row("3100000001", "43", "ひの居宅", HINO, "31", "2024-01-31", "2024-01-31 09:00:00"),
                row("3100000002", "11", "ひの訪問介護", HINO, "31", "2024-01-31", "2024-01-31 09:00:00"),
                row("3100000003", "43", "とっとり居宅", TOTTORI, "31", "2024-01-31", "2024-01-31 09:00:00"),
                row("3100000001", "43", "ひの居宅", TOTTORI, "31", "2024-02-29", "2024-02-29 09:00:00"),
                row("3100000002", "11", "ひの訪問介護", TOTTORI, "31", "2024-02-29", "2024-02-29 09:00:00"),
                row("3100000003", "43", "とっとり居宅", TOTTORI, "31", "2024-02-29", "2024-02-29 09:00:00")));
        Dataset<Row> applications = LandingStaging.applications(landed(LandingDataset.APPLICATIONS,
                row("3100000001", "43", "2023-12-01", "2023-12-01", "2024-01-15", "paid", "2024-02-29", "2024-02-29 09:00:00"),
                row("3100000003", "43", "2024-02-10", "2024-02-10", null, "free_pass", "2024-02-29", "2024-02-29 09:00:00")));
        Dataset<Row> exchanges = LandingStaging.exchanges(landed(LandingDataset.EXCHANGES,
                row("m1", "UPPLAN", "202404", "3100000001", "43", "3100000002", "11", "2024-01", "3", "1", "2048",
                        "ab", "2024-01-05T00:00:00.000Z", "2024-01-05T00:00:01.000Z", null, "delivered",
                        "2024-01-05", "2024-01-05 09:00:00")));

        rows = new HashMap<>();
        MunicipalAdoptionTransform.apply(offices, municipalities, applications, exchanges,
                        MonthRange.of("2024-01", "2024-02")).collectAsList()
                .forEach(r -> rows.put(r.getAs("month") + "|" + r.getAs("denominator_scope") + "|"
                        + r.getAs("municipality_code"), r));
    }

    @Test
    void officesThatMoveCountInTheirNewMunicipalityInEveryMonthSinceTheOfficeListIsASnapshot() {
        assertThat(mart("2024-01", TOTTORI).<Long>getAs("offices_in_scope")).isEqualTo(3L);
        assertThat(mart("2024-02", TOTTORI).<Long>getAs("offices_in_scope")).isEqualTo(3L);
        assertThat(mart("2024-01", TOTTORI).<Long>getAs("offices_active")).as("both moved offices were active").isEqualTo(2L);
    }

    @Test
    void aMergedAwayMunicipalityKeepsItsRowWithoutOfficesRatesOrRank() {
        Row hino = mart("2024-02", HINO);
        assertThat(hino.<Long>getAs("offices_in_scope")).isZero();
        assertThat(hino.<String>getAs("size_class")).isEqualTo("NONE");
        assertThat(hino.isNullAt(hino.fieldIndex("application_rate"))).isTrue();
        assertThat(hino.isNullAt(hino.fieldIndex("national_rank"))).isTrue();
    }

    @Test
    void aMonthWithoutAnyFileHasNoActiveOfficeButKeepsItsApplications() {
        Row february = mart("2024-02", TOTTORI);
        assertThat(february.<Long>getAs("offices_active")).isZero();
        assertThat(february.<Double>getAs("active_rate")).isZero();
        assertThat(february.<Long>getAs("offices_applied")).isEqualTo(2L);
    }

    @Test
    void aLicenseThatEndedStillCountsAsAppliedAsInTheMinistrysList() {
        assertThat(mart("2024-01", TOTTORI).<Long>getAs("offices_applied")).as("3100000001's license ended 2024-01-15")
                .isEqualTo(1L);
        assertThat(mart("2024-02", TOTTORI).<Long>getAs("offices_applied")).isEqualTo(2L);
    }

    private static Row mart(String month, String municipality) {
        Row row = rows.get(month + "|" + ALL + "|" + municipality);
        assertThat(row).as("row %s %s", month, municipality).isNotNull();
        return row;
    }
}
