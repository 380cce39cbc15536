package jp.renkei.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.renkei.analytics.quality.DataQualityException;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.analytics.marts.savings.SavingsModel;
import jp.renkei.marts.Mart;
import jp.renkei.ingest.landing.LandingWriter;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job over real landing CSV files in a temporary RENKEI_HOME, reading the published Parquet back. */
class AdoptionPipelineTest {

    private static final Clock LANDED = Clock.fixed(Instant.parse("2024-03-01T01:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @Test
    void publishesBothMartsFromTheLandingZone() throws IOException {
        landReferenceData();
        land(LandingDataset.EXCHANGES,
                exchange("m1", "3100000001", "3100000003", "2024-01"),
                exchange("m2", "3100000003", "3100000001", "2024-02"));
        // the relay replayed m1 after a crash: a second part repeats it
        land(LandingDataset.EXCHANGES, exchange("m1", "3100000001", "3100000003", "2024-01"));
        // a half-written part and a marker file: both must be skipped
        Path partition = home.resolve("landing/exchanges/dt=2024-03-01");
        Files.writeString(partition.resolve(".part-0000.csv.tmp"), "message_id,broken\n\"unterminated");
        Files.writeString(partition.resolve("_SUCCESS"), "");

        AdoptionPipeline.Result result = run(config(Optional.empty(), "20240301T010000Z-0a0a"));

        assertThat(result.months().to()).as("to-month defaults to the latest target_month").isEqualTo(YearMonth.of(2024, 2));
        assertThat(current("municipal_adoption")).isEqualTo("20240301T010000Z-0a0a");
        assertThat(current("prefecture_adoption")).isEqualTo("20240301T010000Z-0a0a");

        Map<String, Row> municipal = read("municipal_adoption", "municipality_code");
        assertThat(municipal).hasSize(2 * 2 * 2);
        Row jan = municipal.get("2024-01|all_in_scope|311006");
        assertThat(jan.<Long>getAs("offices_in_scope")).isEqualTo(3L);
        // the license of 3100000001 covers both of its lines
        assertThat(jan.<Long>getAs("offices_applied")).isEqualTo(2L);
        assertThat(jan.<Long>getAs("offices_active")).isEqualTo(3L);
        assertThat(jan.<Integer>getAs("national_rank")).isEqualTo(1);
        assertThat(jan.<String>getAs("municipality_name")).isEqualTo("鳥取市");
        Row feb = municipal.get("2024-02|care_management_only|311006");
        assertThat(feb.<Long>getAs("offices_in_scope")).isEqualTo(2L);
        assertThat(feb.<Double>getAs("application_rate")).isEqualTo(1.0);
        Row empty = municipal.get("2024-02|all_in_scope|313009");
        assertThat(empty.<String>getAs("size_class")).isEqualTo("NONE");
        assertThat(empty.isNullAt(empty.fieldIndex("national_rank"))).isTrue();

        Map<String, Row> prefecture = read("prefecture_adoption", "prefecture_code");
        assertThat(prefecture).hasSize(2 * 2);
        assertThat(prefecture.get("2024-02|all_in_scope|31").<Long>getAs("municipalities")).isEqualTo(1L);

        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("stage exchanges", "3 rows", "output checks", "_CURRENT = 20240301T010000Z-0a0a");
        assertThat(result.municipalRows()).isEqualTo(8);
        for (Mart mart : Mart.values()) {
            Path run = home.resolve("marts").resolve(mart.folder()).resolve("run=20240301T010000Z-0a0a");
            List<String> written = Arrays.stream(SparkTestSession.spark().read().parquet(run.toString()).schema().fields())
                    .map(field -> field.name() + " " + field.dataType().simpleString()).toList();
            assertThat(written).as("the Parquet schema of %s against the contract", mart.folder())
                    .containsExactlyElementsOf(mart.columns().stream()
                            .map(column -> column.name() + " " + column.type().sparkName()).toList());
        }
    }

    @Test
    void publishesCardCheckActivityFromLandedChecks() throws IOException {
        landReferenceData();
        land(LandingDataset.CARD_CHECKS,
                Arrays.asList("c1", "3100000001", "310011", "ab".repeat(32), "pin", "eligible", null, "120",
                        "2024-02-10T01:00:00.000Z"),
                Arrays.asList("c2", "3100000001", null, null, "pin", "failed", "wrong_pin", "3000",
                        "2024-02-10T01:01:00.000Z"));

        AdoptionPipeline.Result result = run(config(Optional.of(YearMonth.of(2024, 2)), "20240301T010000Z-0e0e"));

        assertThat(result.cardCheckRows()).isEqualTo(1);
        assertThat(current("card_check_activity")).isEqualTo("20240301T010000Z-0e0e");
        Path run = home.resolve("marts/card_check_activity/run=" + current("card_check_activity"));
        List<Row> rows = SparkTestSession.spark().read().parquet(run.toString()).collectAsList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.<String>getAs("month")).isEqualTo("2024-02");
            assertThat(row.<String>getAs("municipality_code")).isEqualTo("311006");
            assertThat(row.<Long>getAs("checks")).isEqualTo(2L);
            assertThat(row.<Double>getAs("success_rate")).isEqualTo(0.5);
            assertThat(row.<Long>getAs("failures_wrong_pin")).isEqualTo(1L);
        });
    }

    @Test
    void withoutExchangesTheMonthsEndAtTheLatestApplication() throws IOException {
        landReferenceData();

        AdoptionPipeline.Result result = run(config(Optional.empty(), "20240301T010000Z-0b0b"));

        assertThat(result.months().to()).isEqualTo(YearMonth.of(2024, 2));
        Row feb = read("municipal_adoption", "municipality_code").get("2024-02|all_in_scope|311006");
        assertThat(feb.<Long>getAs("offices_active")).isZero();
        assertThat(feb.<Long>getAs("offices_applied")).isEqualTo(3L);
        assertThat(result.cardCheckRows()).as("no card_checks folder: an empty mart").isZero();
        assertThat(current("card_check_activity")).isEqualTo("20240301T010000Z-0b0b");
    }

    @Test
    void aRunThatFailsItsChecksPublishesNothing() throws IOException {
        landReferenceData();
        run(config(Optional.of(YearMonth.of(2024, 2)), "20240301T010000Z-0c0c"));
        land(LandingDataset.OFFICES, List.of("3100000099", "15", "訪問入浴", "999999", "31"));

        assertThatThrownBy(() -> run(config(Optional.of(YearMonth.of(2024, 2)), "20240302T010000Z-0d0d")))
                .isInstanceOfSatisfying(DataQualityException.class, e -> {
                    assertThat(e.code()).isEqualTo("ANA-DQ-006");
                    assertThat(e.getMessage()).contains("office_number=3100000099");
                });

        assertThat(current("municipal_adoption")).isEqualTo("20240301T010000Z-0c0c");
        assertThat(home.resolve("marts/municipal_adoption/run=20240302T010000Z-0d0d")).doesNotExist();
    }

    @Test
    void aRosterLandedLongBeforeTheLastMonthStopsTheRunAsStale() throws IOException {
        landReferenceData();
        run(config(Optional.of(YearMonth.of(2024, 2)), "20240301T010000Z-0c0c"));

        assertThatThrownBy(() -> run(config(Optional.of(YearMonth.of(2024, 9)), "20240930T010000Z-0d0d")))
                .isInstanceOfSatisfying(DataQualityException.class, e -> assertThat(e.getMessage())
                        .contains("ANA-DQ-015", "applications.fresh", "dt=2024-03-01", "older than 2024-08-01")
                        .doesNotContain("municipalities.fresh"));
        assertThat(current("municipal_adoption")).isEqualTo("20240301T010000Z-0c0c");
    }

    @Test
    void runningAgainOnTheSameLandingPublishesNothingAndANewPartMakesANewRun() throws IOException {
        landReferenceData();
        land(LandingDataset.EXCHANGES, exchange("m1", "3100000001", "3100000003", "2024-01"));
        AdoptionPipeline.Result first = run(config(Optional.of(YearMonth.of(2024, 2)), "20240301T010000Z-0a0a"));
        assertThat(first.published()).isTrue();
        JsonNode manifest = new ObjectMapper().readTree(
                home.resolve("marts/_runs/20240301T010000Z-0a0a.json").toFile());
        assertThat(manifest.at("/inputs/exchanges/parts").asLong()).isEqualTo(1);
        assertThat(manifest.at("/inputs/exchanges/latest_dt").asText()).isEqualTo("2024-03-01");
        assertThat(manifest.at("/inputs/schedule_lines/parts").asLong()).as("never landed").isZero();
        assertThat(manifest.at("/marts/municipal_adoption/rows").asLong()).isEqualTo(first.municipalRows());
        assertThat(manifest.at("/request/to_month").asText()).isEqualTo("2024-02");

        AdoptionPipeline.Result again = run(config(Optional.of(YearMonth.of(2024, 2)), "20240301T020000Z-0b0b"));

        assertThat(again.published()).isFalse();
        assertThat(again.runId()).isEqualTo("20240301T010000Z-0a0a");
        assertThat(again.municipalRows()).isEqualTo(first.municipalRows());
        assertThat(current("municipal_adoption")).isEqualTo("20240301T010000Z-0a0a");
        assertThat(home.resolve("marts/municipal_adoption/run=20240301T020000Z-0b0b")).doesNotExist();
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("nothing to publish: run 20240301T010000Z-0a0a");

        land(LandingDataset.EXCHANGES, exchange("m2", "3100000003", "3100000001", "2024-02"));
        assertThat(run(config(Optional.of(YearMonth.of(2024, 2)), "20240301T030000Z-0c0c")).published()).isTrue();
        assertThat(current("municipal_adoption")).isEqualTo("20240301T030000Z-0c0c");
    }

    /**
     * Monthly operation: a new month's files make a run that recomputes that month only, a late file its own month
     * and the ones after, each keeping the earlier months of the published run — and the chain publishes exactly what
     * a full run would. (When reference data changes instead: {@code IncrementalBaseTest}.)
     */
    @Test
    void newFilesRecomputeOnlyTheirMonthsAndPublishWhatAFullRunWould() throws IOException {
        landReferenceData();
        land(LandingDataset.EXCHANGES, exchange("m1", "3100000001", "3100000003", "2024-01"),
                exchange("m2", "3100000003", "3100000001", "2024-02"));
        run(config(Optional.empty(), "20240301T010000Z-0a0a"));

        land(LandingDataset.EXCHANGES, exchange("m3", "3100000001", "3100000003", "2024-03"));
        run(config(Optional.empty(), "20240301T020000Z-0b0b"));
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("incremental: months 2024-03 to 2024-03 "
                + "recomputed; earlier months kept from run 20240301T010000Z-0a0a (only events landed since run");
        JsonNode manifest = new ObjectMapper().readTree(home.resolve("marts/_runs/20240301T020000Z-0b0b.json").toFile());
        assertThat(manifest.at("/incremental/base_run").asText()).isEqualTo("20240301T010000Z-0a0a");
        assertThat(manifest.at("/incremental/recomputed_from").asText()).isEqualTo("2024-03");
        assertThat(manifest.at("/months/from").asText()).isEqualTo("2024-01");

        // a late file for February: February and March are recomputed
        land(LandingDataset.EXCHANGES, exchange("m4", "3100000003", "3100000001", "2024-02"));
        progress.reset();
        run(config(Optional.empty(), "20240301T030000Z-0c0c"));
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("incremental: months 2024-02 to 2024-03 "
                + "recomputed; earlier months kept from run 20240301T020000Z-0b0b");

        run(forced("20240301T040000Z-0d0d"));
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("every month recomputed: --force");
        assertSameMarts("20240301T030000Z-0c0c", "20240301T040000Z-0d0d");
    }

    @Test
    void aFromMonthAfterTheToMonthIsAnArgumentError() throws IOException {
        landReferenceData();
        AdoptionJobConfig config = new AdoptionJobConfig(home, YearMonth.of(2025, 1),
                Optional.of(YearMonth.of(2024, 2)), "local[2]", 2, 3, Optional.empty(), SavingsModel.defaults(), false,
                Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> run(config))
                .isInstanceOfSatisfying(JobArgumentException.class, e -> assertThat(e.code()).isEqualTo("ANA-ARG-001"));
        assertThat(home.resolve("marts")).doesNotExist();
    }

    @Test
    void aMartThatShrinksBelowHalfOfThePublishedRunIsNotPublished() throws IOException {
        landReferenceData();
        land(LandingDataset.EXCHANGES, exchange("m1", "3100000001", "3100000003", "2024-01"));
        run(config(Optional.of(YearMonth.of(2024, 4)), "20240301T010000Z-0c0c"));

        AdoptionJobConfig lastMonthOnly = new AdoptionJobConfig(home, YearMonth.of(2024, 4),
                Optional.of(YearMonth.of(2024, 4)), "local[2]", 2, 3, Optional.of("20240301T010000Z-0d0d"),
                SavingsModel.defaults(), false, Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> run(lastMonthOnly)).isInstanceOfSatisfying(DataQualityException.class,
                e -> assertThat(e.getMessage()).contains("ANA-DQ-014", "municipal_adoption.not_shrunk",
                        "4 rows against 16"));
        assertThat(current("municipal_adoption")).isEqualTo("20240301T010000Z-0c0c");
    }

    /**
     * Prefecture 31: 311006 has 3100000001 (43 and 11) and 3100000003 (43); 313009 has none. Prefecture 32 has no
     * municipality in this zone. 3100000001 applied in January, 3100000003 in February.
     */
    private void landReferenceData() throws IOException {
        land(LandingDataset.MUNICIPALITIES,
                List.of("311006", "31", "鳥取県", "鳥取市", "トットリシ"),
                List.of("313009", "31", "鳥取県", "日野町", "ヒノチョウ"));
        land(LandingDataset.OFFICES,
                List.of("3100000001", "43", "ケアプラン \"あおぞら\", 本店\n二階", "311006", "31"),
                List.of("3100000001", "11", "あおぞら訪問介護", "311006", "31"),
                List.of("3100000003", "43", "みどり居宅", "311006", "31"));
        land(LandingDataset.APPLICATIONS,
                Arrays.asList("3100000001", "43", "2024-01-15", "2024-02-01", null, "paid"),
                Arrays.asList("3100000003", "43", "2024-02-29", "2024-03-01", null, "free_pass"));
    }

    private static List<String> exchange(String id, String sender, String recipient, String month) {
        return Arrays.asList(id, "UPPLAN", "202404", sender, "43", recipient, "43", month, "12", "3", "4096",
                "0".repeat(64), "2024-03-01T00:00:00.000Z", "2024-03-01T00:00:01.000Z", null, "delivered");
    }

    @SafeVarargs
    private void land(LandingDataset dataset, List<String>... rows) throws IOException {
        new LandingWriter(home.resolve("landing"), LANDED).writeParts(dataset, List.of(rows));
    }

    private AdoptionJobConfig config(Optional<YearMonth> to, String runId) {
        return new AdoptionJobConfig(home, YearMonth.of(2024, 1), to, "local[2]", 2, 3, Optional.of(runId),
                SavingsModel.defaults(), false, Optional.empty(), Optional.empty());
    }

    private AdoptionJobConfig forced(String runId) {
        return new AdoptionJobConfig(home, YearMonth.of(2024, 1), Optional.empty(), "local[2]", 2, 3, Optional.of(runId),
                SavingsModel.defaults(), true, Optional.empty(), Optional.empty());
    }

    /** Every mart of the two runs holds the same rows (doubles to 9 decimals: sums may run in another order). */
    private void assertSameMarts(String oneRun, String otherRun) {
        for (Mart mart : Mart.values()) {
            assertThat(rowsOf(mart, oneRun)).as("%s of run %s against run %s", mart.folder(), oneRun, otherRun)
                    .isEqualTo(rowsOf(mart, otherRun));
        }
    }

    private List<String> rowsOf(Mart mart, String runId) {
        Path run = home.resolve("marts").resolve(mart.folder()).resolve("run=" + runId);
        List<String> rows = new java.util.ArrayList<>();
        for (Row row : SparkTestSession.spark().read().parquet(run.toString()).collectAsList()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < row.length(); i++) {
                Object value = row.get(i);
                text.append(value instanceof Double number ? String.format(java.util.Locale.ROOT, "%.9f", number)
                        : String.valueOf(value)).append('|');
            }
            rows.add(text.toString());
        }
        java.util.Collections.sort(rows);
        return rows;
    }

    private AdoptionPipeline.Result run(AdoptionJobConfig config) {
        return new AdoptionPipeline(SparkTestSession.spark(), config,
                new PrintStream(progress, true, StandardCharsets.UTF_8), Clock.systemUTC()).run();
    }

    private String current(String mart) throws IOException {
        return Files.readString(home.resolve("marts").resolve(mart).resolve("_CURRENT"), StandardCharsets.UTF_8).strip();
    }

    /** The published run of a mart, as a reader would find it: through _CURRENT. */
    private Map<String, Row> read(String mart, String codeColumn) throws IOException {
        Path run = home.resolve("marts").resolve(mart).resolve("run=" + current(mart));
        Map<String, Row> rows = new HashMap<>();
        for (Row r : SparkTestSession.spark().read().parquet(run.toString()).collectAsList()) {
            rows.put(r.getAs("month") + "|" + r.getAs("denominator_scope") + "|" + r.getAs(codeColumn), r);
        }
        return rows;
    }
}
