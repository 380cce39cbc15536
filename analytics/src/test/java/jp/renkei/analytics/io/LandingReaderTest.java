package jp.renkei.analytics.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import jp.renkei.analytics.JobArgumentException;
import jp.renkei.analytics.SparkTestSession;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.ingest.landing.LandingWriter;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The landing zone's layout as the job reads it: month folders of schedule_lines, and the layout before them. */
class LandingReaderTest {
    private static final Clock LANDED = Clock.fixed(Instant.parse("2026-11-02T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path landing;

    @Test
    void readingMonthsOpensOnlyTheirFoldersAndAddsTheMonthBeforeTheLandingDate() throws IOException {
        new LandingWriter(landing, LANDED).writeParts(LandingDataset.SCHEDULE_LINES, List.of(
                line("m1", "2026-10", "2026-10-05"), line("m1", "2026-10", "2026-10-12"), line("m2", "2026-09", "2026-09-28")));
        // a part Spark refuses (FAILFAST on its header): reading October must not open September's folder
        Path september = landing.resolve("schedule_lines/month=2026-09/dt=2026-11-02");
        Files.writeString(september.resolve("part-unreadable.csv"), "not,the,header\n1,2,3\n");

        List<Row> october = new LandingReader(SparkTestSession.spark(), landing)
                .readMonths(LandingDataset.SCHEDULE_LINES, List.of("2026-10")).orderBy("service_date").collectAsList();

        assertThat(october).extracting(row -> row.<String>getAs("service_date")).containsExactly("2026-10-05", "2026-10-12");
        assertThat(october).allSatisfy(row -> {
            assertThat(row.<String>getAs(LandingReader.MONTH)).isEqualTo(row.<String>getAs("target_month"));
            assertThat(row.<String>getAs(LandingReader.DT)).isEqualTo("2026-11-02");
        });
        assertThat(LandingReader.schema(LandingDataset.SCHEDULE_LINES).fieldNames()).endsWith("count", "month", "dt");
    }

    @Test
    void theSeptemberPartIsUnreadableSoTheOctoberTestProvesPruning() throws IOException {
        Path september = Files.createDirectories(landing.resolve("schedule_lines/month=2026-09/dt=2026-11-02"));
        Files.writeString(september.resolve("part-unreadable.csv"), "not,the,header\n1,2,3\n");

        assertThatThrownBy(() -> new LandingReader(SparkTestSession.spark(), landing)
                .readMonths(LandingDataset.SCHEDULE_LINES, List.of("2026-09")).collectAsList())
                .hasStackTraceContaining("header");
    }

    /** What a stopped upgrade may leave: the old landing-date folder without its part. */
    @Test
    void anOldLandingDateFolderWithoutPartsDoesNotStopTheJob() throws IOException {
        new LandingWriter(landing, LANDED).writeParts(LandingDataset.SCHEDULE_LINES, List.of(line("m1", "2026-10", "2026-10-05")));
        Files.createDirectories(landing.resolve("schedule_lines/dt=2026-10-01"));

        assertThat(new LandingReader(SparkTestSession.spark(), landing)
                .readMonths(LandingDataset.SCHEDULE_LINES, List.of("2026-10")).count()).isEqualTo(1);
    }

    @Test
    void theWatermarkCountsThePartsInEveryMonthFolder() throws IOException {
        new LandingWriter(landing, LANDED).writeParts(LandingDataset.SCHEDULE_LINES, List.of(
                line("m1", "2026-10", "2026-10-05"), line("m2", "2026-09", "2026-09-28")));

        InputWatermark watermark = new LandingReader(SparkTestSession.spark(), landing).watermark(LandingDataset.SCHEDULE_LINES);

        assertThat(watermark.parts()).isEqualTo(2);
        assertThat(watermark.latestDt()).isEqualTo("2026-11-02");
    }

    @Test
    void scheduleLinesInTheLayoutBeforeMonthsAreRefusedNamingTheUpgrade() throws IOException {
        Path old = Files.createDirectories(landing.resolve("schedule_lines/dt=2026-10-01")).resolve("part-old.csv");
        Files.writeString(old, String.join(",", LandingDataset.SCHEDULE_LINES.columns()) + "\n");
        LandingReader reader = new LandingReader(SparkTestSession.spark(), landing);

        assertThatThrownBy(() -> reader.readMonths(LandingDataset.SCHEDULE_LINES, List.of("2026-10")))
                .isInstanceOfSatisfying(JobArgumentException.class, refused -> {
                    assertThat(refused.code()).isEqualTo("ANA-ARG-009");
                    assertThat(refused.getMessage()).contains("bin/renkei ingest landing-upgrade");
                });
        assertThatThrownBy(() -> reader.watermark(LandingDataset.SCHEDULE_LINES))
                .isInstanceOf(JobArgumentException.class);
    }

    private static List<String> line(String messageId, String targetMonth, String serviceDate) {
        return List.of(messageId, "UPPLAN", "a".repeat(64), "131003", targetMonth, serviceDate, "111211", "1310000016",
                "250", "0900", "1000", "1");
    }
}
