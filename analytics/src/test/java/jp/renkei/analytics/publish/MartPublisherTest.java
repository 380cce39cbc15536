package jp.renkei.analytics.publish;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jp.renkei.analytics.SparkTestSession;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MartPublisherTest {

    private static final String MART = "example_mart";
    private final SparkSession spark = SparkTestSession.spark();

    @TempDir
    Path marts;

    @Test
    void aRunIsWrittenAndThenNamedByCurrent() throws IOException {
        MartPublisher publisher = new MartPublisher(marts, 3);

        Map<String, java.net.URI> folders = publisher.publish("20261126T050242Z-3f9c", Map.of(MART, mart(5)), manifest("20261126T050242Z-3f9c"));

        Path current = marts.resolve(MART).resolve("_CURRENT");
        assertThat(Files.readString(current, StandardCharsets.UTF_8)).isEqualTo("20261126T050242Z-3f9c\n");
        assertThat(Path.of(folders.get(MART))).isEqualTo(marts.resolve(MART).resolve("run=20261126T050242Z-3f9c"));
        assertThat(spark.read().parquet(folders.get(MART).toString()).count()).isEqualTo(5);
        try (Stream<Path> files = Files.list(marts.resolve(MART))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temp file is left beside _CURRENT")
                    .containsExactlyInAnyOrder("_CURRENT", "run=20261126T050242Z-3f9c");
        }
        assertThat(RunManifest.read(marts, "20261126T050242Z-3f9c")).as("the run's manifest")
                .hasValueSatisfying(manifest -> assertThat(manifest.rows(MART)).isEqualTo(5));
    }

    @Test
    void aFailedRunLeavesCurrentAndRemovesItsOwnFolder() {
        MartPublisher publisher = new MartPublisher(marts, 3);
        publisher.publish("20261126T050242Z-0001", Map.of(MART, mart(3)), manifest("20261126T050242Z-0001"));
        MartPublisher.Mart failing = mart(spark.range(3).toDF("id").withColumn("id",
                when(col("id").equalTo(2), raise_error(lit("boom"))).otherwise(col("id"))));

        assertThatThrownBy(() -> publisher.publish("20261127T050242Z-0002", Map.of(MART, failing),
                manifest("20261127T050242Z-0002")))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.code()).isEqualTo("ANA-PUB-001"));

        assertThat(publisher.current(MART)).contains("20261126T050242Z-0001");
        assertThat(publisher.runs(MART)).containsExactly("20261126T050242Z-0001");
        assertThat(Path.of(RunManifest.file(marts.toUri(), "20261127T050242Z-0002"))).as("no manifest for a run never written").doesNotExist();
    }

    @Test
    void whenOneMartCannotSwitchTheOthersGoBackSoNoReaderMixesTwoRuns() throws IOException {
        MartPublisher publisher = new MartPublisher(marts, 3);
        String first = "20261126T050242Z-0001";
        Map<String, MartPublisher.Mart> both = new java.util.LinkedHashMap<>();
        both.put(MART, mart(2));
        both.put("second_mart", mart(2));
        publisher.publish(first, both, manifest(first));
        // A folder where _CURRENT should be: the rename onto it fails, as a full or read-only disk would.
        Path blocked = marts.resolve("second_mart").resolve("_CURRENT");
        Files.delete(blocked);
        Files.createDirectories(blocked.resolve("in-the-way"));

        assertThatThrownBy(() -> publisher.publish("20261127T050242Z-0002", both, manifest("20261127T050242Z-0002")))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.code()).isEqualTo("ANA-PUB-002"));

        assertThat(publisher.current(MART)).as("the first mart is switched back").contains(first);
    }

    @Test
    void onlyTheNewestRunsAreKept() {
        MartPublisher publisher = new MartPublisher(marts, 3);
        List<String> ids = List.of("20261101T000000Z-aaaa", "20261102T000000Z-bbbb", "20261103T000000Z-cccc",
                "20261104T000000Z-dddd");
        for (String id : ids) {
            publisher.publish(id, Map.of(MART, mart(1)), manifest(id));
        }

        assertThat(publisher.runs(MART)).containsExactlyElementsOf(ids.subList(1, 4));
        assertThat(publisher.current(MART)).contains("20261104T000000Z-dddd");
        assertThat(marts.resolve(MART).resolve("run=20261101T000000Z-aaaa")).doesNotExist();
    }

    @Test
    void runIdsSortByTimeAndAreValidated() {
        String id = RunId.next(Instant.parse("2026-11-26T05:02:42.123Z"));
        assertThat(id).startsWith("20261126T050242Z-").matches(RunId::isValid);
        assertThat(RunId.isValid("../../etc")).isFalse();
        assertThatThrownBy(() -> new MartPublisher(marts, 3).publish("../x", Map.of(MART, mart(1)), manifest("20261126T050242Z-3f9c")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RunManifest manifest(String runId) {
        return RunManifest.of(runId, Instant.parse("2026-11-26T05:02:42Z"), RunManifest.newRequest(),
                YearMonth.of(2026, 10), YearMonth.of(2026, 10), Map.of(), Map.of(MART, 5L));
    }

    private MartPublisher.Mart mart(int rows) {
        return mart(spark.range(rows).toDF("id").withColumn("name", col("id").cast("string")));
    }

    private static MartPublisher.Mart mart(Dataset<Row> frame) {
        return new MartPublisher.Mart(frame, List.of("id"));
    }
}
