package jp.renkei.analytics.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.renkei.analytics.SparkTestSession;
import jp.renkei.analytics.io.LandingReader;
import jp.renkei.analytics.io.MartWriter;
import jp.renkei.analytics.marts.adoption.MonthRange;
import jp.renkei.analytics.marts.agreement.PlanActualAgreementTransform;
import jp.renkei.analytics.staging.LandingStaging;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.ingest.landing.LandingWriter;
import jp.renkei.marts.Mart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's DuckDB SQL means what the Spark transform means: over one landing zone with every rule of the
 * agreement in it (a plan sent to two offices, a re-sent plan, a relay replay, held actuals, a deleted plan and
 * deleted actuals of one service type, lines outside the month, a rental without date or time), both give exactly the same rows.
 */
class DuckDbAgreementTest {
    private static final String PERSON = "ab".repeat(32);
    private static final String OTHER = "cd".repeat(32);

    @TempDir
    Path home;

    @Test
    void duckDbBuildsTheSameRowsAsTheSparkTransform() throws IOException, SQLException {
        Path landing = home.resolve("landing");
        LandingWriter writer = new LandingWriter(landing, Clock.fixed(Instant.parse("2025-09-01T00:00:00Z"), ZoneOffset.UTC));
        writer.writePart(LandingDataset.EXCHANGES, List.of(
                exchange("m1", "UPPLAN", "3112010018", "3112010026", "2025-08-01", "delivered"),
                exchange("m2", "UPPLAN", "3112010018", "3112020016", "2025-08-01", "delivered"),
                exchange("m3", "UPJSK", "3112010026", "3112010018", "2025-08-31", "delivered"),
                exchange("m3", "UPJSK", "3112010026", "3112010018", "2025-08-31", "delivered"),
                exchange("m4", "UPJSK", "3112020016", "3112010018", "2025-08-31", "held"),
                exchange("m5", "UPPLAN", "3112010018", "3112020016", "2025-08-03", "delivered"),
                exchange("d1", "DLTPLAN", "3112010018", "3112010026", "2025-08-02", "delivered"),
                exchange("p2", "UPPLAN", "3112010018", "3112010026", "2025-08-01", "delivered"),
                exchange("d2", "DLTJSK", "3112010026", "3112010018", "2025-09-01", "delivered"),
                exchange("j1", "UPPLAN", "3112010018", "3112010026", "2025-07-01", "delivered"),
                exchange("r1", "UPPLAN", "3112010018", "3112030014", "2025-08-01", "delivered"),
                exchange("r2", "UPJSK", "3112030014", "3112010018", "2025-08-31", "delivered")));
        writer.writeParts(LandingDataset.SCHEDULE_LINES, List.of(
                line("m1", PERSON, "UPPLAN", "2025-08-04", "111211", "3112010026", "0900"),
                line("m1", PERSON, "UPPLAN", "2025-08-11", "111211", "3112010026", "0900"),
                line("m1", PERSON, "UPPLAN", "2025-08-18", "111211", "3112010026", "0900"),
                line("m1", PERSON, "UPPLAN", "2025-08-05", "151111", "3112020016", "1000"),
                line("m2", PERSON, "UPPLAN", "2025-08-05", "151111", "3112020016", "1000"),
                line("m3", PERSON, "UPJSK", "2025-08-04", "111211", "3112010026", "0900"),
                line("m3", PERSON, "UPJSK", "2025-08-11", "111211", "3112010026", "0930"),
                line("m3", PERSON, "UPJSK", "2025-08-25", "111211", "3112010026", "0900"),
                line("m3", PERSON, "UPJSK", "2025-08-05", "131111", "3112010026", "1400"),
                line("m3", OTHER, "UPJSK", "2025-08-06", "111211", "3112010026", "1000"),
                line("m4", PERSON, "UPJSK", "2025-08-05", "151111", "3112020016", "1000"),
                line("m5", PERSON, "UPPLAN", "2025-08-06", "151111", "3112020016", "1000"),
                line("p2", OTHER, "UPPLAN", "2025-08-06", "111211", "3112010026", "1000"),
                line("p2", OTHER, "UPPLAN", "2025-08-13", "111211", "3112010026", "1000"),
                line("d1", OTHER, "DLTPLAN", "", "", "", ""),
                line("d2", PERSON, "DLTJSK", "", "13", "3112010026", ""),
                line("j1", PERSON, "UPPLAN", "2025-07-07", "111211", "3112010026", "0900"),
                // a rental (福祉用具貸与) is planned and reported for the month: no date, no start time
                line("r1", PERSON, "UPPLAN", "", "171111", "3112030014", ""),
                line("r2", PERSON, "UPJSK", "", "171111", "3112030014", "")));
        // the relay replayed m3's lines after a crash
        writer.writeParts(LandingDataset.SCHEDULE_LINES, List.of(
                line("m3", PERSON, "UPJSK", "2025-08-04", "111211", "3112010026", "0900")));

        Path sparkRun = home.resolve("spark-run");
        LandingReader reader = new LandingReader(SparkTestSession.spark(), landing);
        MartWriter.writeParquet(PlanActualAgreementTransform.apply(
                LandingStaging.scheduleLines(reader.readMonths(LandingDataset.SCHEDULE_LINES, List.of("2025-08"))),
                LandingStaging.exchanges(reader.read(LandingDataset.EXCHANGES)), MonthRange.of("2025-08", "2025-08")),
                Mart.PLAN_ACTUAL_AGREEMENT.key(), sparkRun.toUri());

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbAgreement.build(duckdb, landing, YearMonth.of(2025, 8), YearMonth.of(2025, 8));

            assertThat(columns(duckdb)).containsExactlyElementsOf(Mart.PLAN_ACTUAL_AGREEMENT.columnNames());
            try (Statement statement = duckdb.createStatement();
                 ResultSet count = statement.executeQuery("SELECT count(*), sum(planned_lines) FROM plan_actual_agreement")) {
                count.next();
                assertThat(count.getLong(1)).isEqualTo(3);
                assertThat(count.getLong(2)).isPositive();
            }
            assertThat(DuckDbAgreement.rowsInOnlyOne(duckdb, sparkRun)).isZero();
        }
    }

    private static List<String> columns(Connection duckdb) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = duckdb.createStatement();
             ResultSet described = statement.executeQuery("DESCRIBE plan_actual_agreement")) {
            while (described.next()) {
                names.add(described.getString("column_name"));
            }
        }
        return names;
    }

    private static List<String> exchange(String id, String kind, String sender, String recipient, String day,
            String status) {
        String at = day + "T00:00:00.000Z";
        return Arrays.asList(id, kind, "0401", sender, "43", recipient, "11", "2025-08", "1", "1", "100", "ab", at,
                status.equals("delivered") ? at : null, null, status);
    }

    private static List<String> line(String message, String person, String kind, String date, String code,
            String office, String start) {
        return Arrays.asList(message, kind, person, "312011", message.equals("j1") ? "2025-07" : "2025-08", date, code,
                office, "244", start, "", "1");
    }
}
