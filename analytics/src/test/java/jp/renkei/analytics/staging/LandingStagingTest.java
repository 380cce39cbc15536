package jp.renkei.analytics.staging;

import static jp.renkei.analytics.Frames.landed;
import static jp.renkei.analytics.Frames.row;
import static jp.renkei.analytics.Frames.strings;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import jp.renkei.analytics.io.LandingReader;
import jp.renkei.ingest.landing.LandingDataset;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class LandingStagingTest {

    @Test
    void exchangesKeepOneRowPerMessagePreferringTheDeliveredOne() {
        Dataset<Row> raw = exchanges(
                row("m1", "3100000001", "3100000003", "2024-01", "held", null, "2024-02-01T00:00:00.000Z"),
                row("m1", "3100000001", "3100000003", "2024-01", "delivered", "2024-02-01T00:00:01.000Z",
                        "2024-02-01T00:00:00.000Z"),
                row("m1", "3100000001", "3100000003", "2024-01", "delivered", "2024-02-01T00:00:01.000Z",
                        "2024-02-01T00:00:00.000Z"),
                row("m2", "3100000002", "3100000003", "202402", "delivered", "2024-03-01T00:00:01.000Z",
                        "2024-03-01T00:00:00.000Z"));

        List<Row> staged = LandingStaging.exchanges(raw).orderBy("message_id").collectAsList();

        assertThat(staged).hasSize(2);
        assertThat(staged.get(0).<String>getAs("status")).isEqualTo("delivered");
        // a 対象年月 written YYYYMM is read as YYYY-MM
        assertThat(staged.get(1).<String>getAs("target_month")).isEqualTo("2024-02");
    }

    @Test
    void officesNormaliseTheTypeAndTakeThePrefecturesLatestList() {
        Dataset<Row> raw = strings(String.join(",", LandingDataset.OFFICES.columns()) + "," + LandingReader.DT,
                row("3100000001", "2a", "old name", "311006", "31", "2026-01-05"),
                row("3100000001", " 2A ", "new name", "312011", "31", "2026-02-05"),
                row("3100000001", "43", "居宅", "311006", "31", "2026-01-05"),
                row("", "43", "no number", "311006", "31", "2026-01-05"));

        List<Row> staged = LandingStaging.offices(raw).orderBy("service_type").collectAsList();

        // the list of 2026-02-05 replaces 鳥取県's list of 2026-01-05: its 43 line has closed
        assertThat(staged).extracting(r -> r.<String>getAs("service_type")).containsExactly("2A");
        assertThat(staged.get(0).<String>getAs("municipality_code")).isEqualTo("312011");
    }

    @Test
    void anOfficeMissingFromItsPrefecturesLatestListHasClosedWhileOtherPrefecturesKeepTheirs() {
        Dataset<Row> raw = landed(LandingDataset.OFFICES,
                row("3100000001", "43", "a", "311006", "31", "2026-10-01", "2026-10-01 09:00:00"),
                row("3100000002", "11", "b", "311006", "31", "2026-10-01", "2026-10-01 09:00:00"),
                row("3200000001", "43", "c", "321001", "32", "2026-10-01", "2026-10-01 09:00:00"),
                // 鳥取県's list landed again later the same day, without 3100000002 and with 3100000001 moved
                row("3100000001", "43", "a", "312011", "31", "2026-10-01", "2026-10-01 15:00:00"));

        List<Row> staged = LandingStaging.offices(raw).orderBy("office_number").collectAsList();

        assertThat(staged).extracting(r -> r.<String>getAs("office_number")).containsExactly("3100000001", "3200000001");
        assertThat(staged.get(0).<String>getAs("municipality_code")).isEqualTo("312011");
    }

    @Test
    void aRosterLandedTwiceCountsOnceAndItsCorrectedRowReplacesTheOldOne() {
        Dataset<Row> raw = landed(LandingDataset.APPLICATIONS,
                row("3100000001", "43", "2024-01-31", "2024-02-01", null, "paid", "2024-02-01", "2024-02-01 09:00:00"),
                row("3100000002", "43", "2024-01-05", "2024-01-10", null, "paid", "2024-02-01", "2024-02-01 09:00:00"),
                row("3100000001", "43", "2024-01-31", "2024-02-01", null, "paid", "2024-03-01", "2024-03-01 09:00:00"),
                row("3100000002", "43", "2024-01-06", "2024-01-10", null, "paid", "2024-03-01", "2024-03-01 09:00:00"));

        List<Row> staged = LandingStaging.applications(raw).orderBy("office_number").collectAsList();

        assertThat(staged).hasSize(2);
        assertThat(staged.get(1).<java.sql.Date>getAs("applied_on").toLocalDate())
                .isEqualTo(java.time.LocalDate.of(2024, 1, 6));
    }

    @Test
    void applicationsParseDatesAndKeepTheTextOfThoseThatAreNot() {
        Dataset<Row> raw = strings(String.join(",", LandingDataset.APPLICATIONS.columns()) + "," + LandingReader.DT,
                row("3100000001", "43", "2024-01-31", "2024-02-01", null, "paid", "2024-02-01"),
                row("3100000002", "43", "2024/01/05", null, null, "free_pass", "2024-02-01"),
                row("3100000003", "43", "", null, null, "paid", "2024-02-01"));

        List<Row> staged = LandingStaging.applications(raw).orderBy("office_number").collectAsList();

        assertThat(staged.get(0).<java.sql.Date>getAs("applied_on").toLocalDate())
                .isEqualTo(LocalDate.of(2024, 1, 31));
        assertThat(staged.get(1).isNullAt(staged.get(1).fieldIndex("applied_on"))).isTrue();
        assertThat(staged.get(1).<String>getAs("applied_on_text")).isEqualTo("2024/01/05");
        assertThat(staged.get(2).isNullAt(staged.get(2).fieldIndex("applied_on_text"))).isTrue();
    }

    @Test
    void municipalitiesKeepTheLatestLandedName() {
        Dataset<Row> raw = strings(String.join(",", LandingDataset.MUNICIPALITIES.columns()) + "," + LandingReader.DT,
                row("311006", "31", "鳥取県", "旧鳥取市", "トットリシ", "2025-01-01"),
                row("311006", "31", "鳥取県", "鳥取市", "トットリシ", "2026-01-01"));

        List<Row> staged = LandingStaging.municipalities(raw).collectAsList();

        assertThat(staged).singleElement().extracting(r -> r.<String>getAs("municipality_name")).isEqualTo("鳥取市");
    }

    private static Dataset<Row> exchanges(String[]... rows) {
        String[][] full = new String[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            String[] r = rows[i];
            // message_id, sender, recipient, target_month, status, delivered_at, received_at → the landing layout
            full[i] = new String[] {r[0], "UPPLAN", "202404", r[1], "43", r[2], "15", r[3], "10", "3", "2048",
                    "ab", r[6], r[5], null, r[4], "2024-02-01"};
        }
        return strings(String.join(",", LandingDataset.EXCHANGES.columns()) + "," + LandingReader.DT, full);
    }
}
