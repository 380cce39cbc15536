package jp.renkei.analytics.publish;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import jp.renkei.analytics.SparkTestSession;
import jp.renkei.analytics.io.InputWatermark;
import jp.renkei.analytics.io.JobStorage;
import jp.renkei.analytics.io.LandingReader;
import jp.renkei.ingest.landing.LandingDataset;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The landing zone and the marts through a file system that is not {@code file:} — Hadoop's {@code viewfs://}, mounted
 * on a temporary folder — so that the job's own listing and publishing go the way they go on {@code hdfs://} or
 * {@code s3a://}, through Hadoop's API and never java.nio. What they leave in the folder is then checked directly.
 */
class OtherFileSystemTest {
    private static final String MART = "example_mart";

    private final SparkSession spark = SparkTestSession.spark();

    @TempDir
    Path folder;

    private URI root;
    private Configuration hadoop;

    @BeforeEach
    void mountTheFolder() {
        // A mount table of its own per test (the shared session's file systems are cached by scheme and authority).
        String table = "renkei-" + UUID.randomUUID();
        hadoop = spark.sparkContext().hadoopConfiguration();
        hadoop.set("fs.viewfs.mounttable." + table + ".link./data", folder.toUri().toString());
        root = URI.create("viewfs://" + table + "/data");
    }

    @Test
    void theLandingZoneIsListedAndReadThroughHadoop() throws IOException {
        List<String> columns = LandingDataset.EXCHANGES.columns();
        Path part = folder.resolve("landing/exchanges/dt=2026-11-02/part-0001.csv");
        Files.createDirectories(part.getParent());
        String row = String.join(",", columns.stream().map(column -> switch (column) {
            case "message_id" -> "m1";
            case "status" -> "delivered";
            default -> "";
        }).toList());
        Files.writeString(part, String.join(",", columns) + "\n" + row + "\n", StandardCharsets.UTF_8);
        Files.createDirectories(folder.resolve("landing/exchanges/dt=not-a-day"));

        LandingReader landing = new LandingReader(spark, JobStorage.child(root, "landing"));

        InputWatermark watermark = landing.watermark(LandingDataset.EXCHANGES);
        assertThat(watermark.parts()).isEqualTo(1);
        assertThat(watermark.bytes()).isEqualTo(Files.size(part));
        assertThat(watermark.latestDt()).isEqualTo("2026-11-02");
        assertThat(landing.read(LandingDataset.EXCHANGES).select("message_id", "status", "dt").collectAsList())
                .extracting(Object::toString).containsExactly("[m1,delivered,2026-11-02]");
        assertThat(landing.watermark(LandingDataset.APPLICATIONS)).isEqualTo(InputWatermark.NEVER_LANDED);
        assertThat(landing.read(LandingDataset.APPLICATIONS).count()).isZero();
    }

    @Test
    void runsArePublishedSwitchedAndPrunedThroughHadoop() throws IOException {
        JobStorage storage = new JobStorage(hadoop);
        URI marts = JobStorage.child(root, "marts");
        MartPublisher publisher = new MartPublisher(marts, storage, 1);

        publisher.publish("20261201T000000Z-0001", Map.of(MART, mart(3)), manifest("20261201T000000Z-0001", 3));
        publisher.publish("20261202T000000Z-0002", Map.of(MART, mart(4)), manifest("20261202T000000Z-0002", 4));

        Path local = folder.resolve("marts").resolve(MART);
        assertThat(local.resolve("_CURRENT")).hasContent("20261202T000000Z-0002");
        assertThat(publisher.current(MART)).contains("20261202T000000Z-0002");
        assertThat(publisher.runs(MART)).as("one run kept").containsExactly("20261202T000000Z-0002");
        assertThat(spark.read().parquet(publisher.runFolder(MART, "20261202T000000Z-0002").toString()).count())
                .isEqualTo(4);
        try (Stream<Path> files = Files.list(local)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .as("no temporary file left beside _CURRENT")
                    .filteredOn(name -> !name.endsWith(".crc"))
                    .containsExactlyInAnyOrder("_CURRENT", "run=20261202T000000Z-0002");
        }
        assertThat(RunManifest.read(storage, marts, "20261202T000000Z-0002"))
                .hasValueSatisfying(manifest -> assertThat(manifest.rows(MART)).isEqualTo(4));
        assertThat(publisher.commonCurrent(List.of(MART))).contains("20261202T000000Z-0002");
    }

    private static RunManifest manifest(String runId, long rows) {
        return RunManifest.of(runId, Instant.parse("2026-12-01T00:00:00Z"), RunManifest.newRequest(),
                YearMonth.of(2026, 11), YearMonth.of(2026, 11), Map.of(), Map.of(MART, rows));
    }

    private MartPublisher.Mart mart(int rows) {
        return new MartPublisher.Mart(spark.range(rows).toDF("id").withColumn("name", col("id").cast("string")),
                List.of("id"));
    }
}
