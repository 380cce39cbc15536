package jp.renkei.ingest.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LandingWriterTest {
    /** 2026-11-26 01:30 in Tokyo, still 2026-11-25 in UTC. */
    private static final Instant AFTER_TOKYO_MIDNIGHT = Instant.parse("2026-11-25T16:30:00Z");
    private static final String TOKYO_DATE_AFTER_MIDNIGHT = "2026-11-26";

    @TempDir
    Path landing;

    @Test
    void partLandsUnderTheDatasetAndTokyoDateWithTheDatasetsHeader() throws IOException {
        LandingWriter writer = new LandingWriter(landing, Clock.fixed(AFTER_TOKYO_MIDNIGHT, ZoneOffset.UTC));

        Path part = writer.writePart(LandingDataset.APPLICATIONS,
                List.of(Arrays.asList("3170100011", "43", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 5), null, "paid")));

        assertThat(part.getParent()).isEqualTo(landing.resolve("applications").resolve("dt=2026-11-26"));
        assertThat(part.getFileName().toString()).matches("part-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.csv");
        assertThat(Files.readString(part, StandardCharsets.UTF_8)).isEqualTo(
                "office_number,service_type,applied_on,license_start,license_end,plan\n"
                        + "3170100011,43,2025-03-01,2025-03-05,,paid\n");
        assertThat(filesUnder(landing)).containsExactly(part);
    }

    /**
     * The landing date is the Tokyo calendar date whatever the clock's zone or the JVM's (Pacific/Apia, UTC+13, in
     * the build): at 12:00Z Apia is already on the next day and Tokyo is not; at 16:30Z Tokyo is and UTC is not.
     */
    @ParameterizedTest(name = "{0} -> dt={1}")
    @CsvSource({
        "2026-11-25T12:00:00Z, 2026-11-25",
        "2026-11-25T14:59:59Z, 2026-11-25",
        "2026-11-25T15:00:00Z, 2026-11-26",
        "2026-11-25T16:30:00Z, 2026-11-26"})
    void landingDateIsTheTokyoDate(String instant, String tokyoDate) throws IOException {
        Clock clockInJvmZone = Clock.fixed(Instant.parse(instant), ZoneId.systemDefault());

        Path part = new LandingWriter(landing, clockInJvmZone).writePart(LandingDataset.OFFICES, List.of());

        assertThat(part.getParent().getFileName()).hasToString("dt=" + tokyoDate);
    }

    @Test
    void emptyPartHasTheHeaderOnly() throws IOException {
        Path part = new LandingWriter(landing, Clock.fixed(AFTER_TOKYO_MIDNIGHT, ZoneOffset.UTC))
                .writePart(LandingDataset.EXCHANGES, List.of());

        assertThat(Files.readString(part)).isEqualTo(String.join(",", LandingDataset.EXCHANGES.columns()) + "\n");
    }

    @Test
    void scheduleLinesLandOnePartPerTargetMonthUnderItsMonthFolder() throws IOException {
        LandingWriter writer = new LandingWriter(landing, Clock.fixed(AFTER_TOKYO_MIDNIGHT, ZoneOffset.UTC));
        List<String> october = scheduleLine("m1", "2026-10", "2026-10-05");
        List<String> lateSeptember = scheduleLine("m2", "2026-09", "2026-09-28");
        List<String> octoberAgain = scheduleLine("m2", "2026-10", "2026-10-06");

        List<Path> parts = writer.writeParts(LandingDataset.SCHEDULE_LINES, List.of(october, lateSeptember, octoberAgain));

        assertThat(parts).extracting(part -> landing.relativize(part.getParent()).toString()).containsExactly(
                "schedule_lines/month=2026-09/dt=" + TOKYO_DATE_AFTER_MIDNIGHT,
                "schedule_lines/month=2026-10/dt=" + TOKYO_DATE_AFTER_MIDNIGHT);
        assertThat(records(parts.get(0))).containsExactly(lateSeptember);
        assertThat(records(parts.get(1))).containsExactly(october, octoberAgain);
        assertThat(parts.get(0).getFileName()).as("the parts of one write share its id").isEqualTo(parts.get(1).getFileName());
    }

    @Test
    void scheduleLinesWithoutRowsLandNoPart() throws IOException {
        LandingWriter writer = new LandingWriter(landing, Clock.fixed(AFTER_TOKYO_MIDNIGHT, ZoneOffset.UTC));

        assertThat(writer.writeParts(LandingDataset.SCHEDULE_LINES, List.of())).isEmpty();
        assertThat(filesUnder(landing)).isEmpty();
    }

    @Test
    void aScheduleLineWhoseMonthCannotNameAFolderIsRefusedAndNothingLands() throws IOException {
        LandingWriter writer = new LandingWriter(landing, Clock.fixed(AFTER_TOKYO_MIDNIGHT, ZoneOffset.UTC));
        List<List<String>> rows = List.of(scheduleLine("m1", "2026-10", "2026-10-05"),
                scheduleLine("m1", "../2026", "2026-10-05"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.writeParts(LandingDataset.SCHEDULE_LINES, rows))
                .withMessageContaining("target_month, which must be YYYY-MM, not '../2026'");
        assertThat(filesUnder(landing)).isEmpty();
    }

    @Test
    void aSinglePartWriteOfADatasetPartitionedByMonthIsRefused() {
        LandingWriter writer = new LandingWriter(landing, Clock.fixed(AFTER_TOKYO_MIDNIGHT, ZoneOffset.UTC));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.writePart(LandingDataset.SCHEDULE_LINES, List.of()))
                .withMessageContaining("one part per month");
    }

    private static List<String> scheduleLine(String messageId, String targetMonth, String serviceDate) {
        return List.of(messageId, "UPPLAN", "a".repeat(64), "131003", targetMonth, serviceDate, "111211", "1310000016",
                "250", "0900", "1000", "1");
    }

    private static List<List<String>> records(Path part) throws IOException {
        try (Reader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertThat(parser.getHeaderNames()).isEqualTo(LandingDataset.SCHEDULE_LINES.columns());
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    @Test
    void rowOfTheWrongWidthThrowsAndLeavesNoFileBehind() throws IOException {
        LandingWriter writer = new LandingWriter(landing, Clock.fixed(AFTER_TOKYO_MIDNIGHT, ZoneOffset.UTC));
        List<List<?>> rows = List.of(
                List.of("3170100011", "43", "あおば", "312011", "31"),
                List.of("3170100029", "11", "さくら", "312011"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> writer.writePart(LandingDataset.OFFICES, rows))
                .withMessageContaining("needs 5 values")
                .withMessageContaining("got 4");
        assertThat(filesUnder(landing)).isEmpty();
    }

    @Test
    void valuesWithCommasQuotesAndLineBreaksAreQuotedAndReadBackEqual() throws IOException {
        List<String> awkward = List.of("3170100011", "43", "ヘルパー「さくら」, 本所", "say \"hi\"", "line 1\nline 2");
        Path part = new LandingWriter(landing, Clock.fixed(AFTER_TOKYO_MIDNIGHT, ZoneOffset.UTC))
                .writePart(LandingDataset.OFFICES, List.of(awkward));

        String text = Files.readString(part, StandardCharsets.UTF_8);
        assertThat(text).startsWith("office_number,")
                .doesNotContain("\uFEFF")
                .doesNotContain("\r")
                .contains("\"ヘルパー「さくら」, 本所\"")
                .contains("\"say \"\"hi\"\"\"")
                .contains("\"line 1\nline 2\"");
        try (Reader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            assertThat(parser.getHeaderNames()).isEqualTo(LandingDataset.OFFICES.columns());
            assertThat(parser.getRecords()).extracting(CSVRecord::toList).containsExactly(awkward);
        }
    }

    @Test
    void everyPartGetsItsOwnName() throws IOException {
        LandingWriter writer = new LandingWriter(landing, Clock.fixed(AFTER_TOKYO_MIDNIGHT, ZoneOffset.UTC));

        Path first = writer.writePart(LandingDataset.MUNICIPALITIES, List.of());
        Path second = writer.writePart(LandingDataset.MUNICIPALITIES, List.of());

        assertThat(first).isNotEqualTo(second);
        assertThat(filesUnder(landing)).containsExactlyInAnyOrder(first, second);
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
