package jp.renkei.ingest.landing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A landing zone of the layout before months, as relays and backfills up to 2026-12 wrote it, moved to today's. */
class LandingUpgradeTest {
    private static final String HEADER = String.join(",", LandingDataset.SCHEDULE_LINES.columns()) + "\n";
    private static final String SEPTEMBER_LINE = "m1,UPPLAN," + "a".repeat(64) + ",131003,2026-09,2026-09-28,111211,"
            + "1310000016,250,0900,1000,1\n";
    private static final String OCTOBER_LINE = "m1,UPPLAN," + "a".repeat(64) + ",131003,2026-10,2026-10-05,111211,"
            + "1310000016,250,0900,1000,1\n";
    private static final String NOVEMBER_DELETE = "m2,DLTPLAN," + "b".repeat(64) + ",131003,2026-11,,,,,,,\n";
    private static final Instant FIRST_LANDED = Instant.parse("2026-10-01T03:00:00Z");
    private static final Instant SECOND_LANDED = Instant.parse("2026-11-02T03:00:00Z");

    @TempDir
    Path landing;

    @Test
    void eachOldPartIsSplitByTargetMonthKeepingItsDateIdAndTimeAndIsThenDeleted() throws IOException {
        Path first = oldPart("dt=2026-10-01", "first", HEADER + SEPTEMBER_LINE + OCTOBER_LINE, FIRST_LANDED);
        Path second = oldPart("dt=2026-11-02", "second", HEADER + NOVEMBER_DELETE, SECOND_LANDED);
        Path exchanges = Files.createDirectories(landing.resolve("exchanges/dt=2026-10-01")).resolve("part-x.csv");
        Files.writeString(exchanges, String.join(",", LandingDataset.EXCHANGES.columns()) + "\n");

        LandingUpgrade.Result result = new LandingUpgrade(landing).run((part, done, total, rows) -> { });

        assertThat(result).isEqualTo(new LandingUpgrade.Result(2, 3, 3));
        Path lines = landing.resolve("schedule_lines");
        assertThat(Files.readString(lines.resolve("month=2026-09/dt=2026-10-01/part-first.csv")))
                .isEqualTo(HEADER + SEPTEMBER_LINE);
        assertThat(Files.readString(lines.resolve("month=2026-10/dt=2026-10-01/part-first.csv")))
                .isEqualTo(HEADER + OCTOBER_LINE);
        assertThat(Files.readString(lines.resolve("month=2026-11/dt=2026-11-02/part-second.csv")))
                .isEqualTo(HEADER + NOVEMBER_DELETE);
        assertThat(Files.getLastModifiedTime(lines.resolve("month=2026-10/dt=2026-10-01/part-first.csv")).toInstant())
                .as("analytics orders landings by the part's time").isEqualTo(FIRST_LANDED);
        assertThat(Files.getLastModifiedTime(lines.resolve("month=2026-11/dt=2026-11-02/part-second.csv")).toInstant())
                .isEqualTo(SECOND_LANDED);
        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();
        assertThat(lines.resolve("dt=2026-10-01")).as("the emptied landing-date folder").doesNotExist();
        assertThat(exchanges).as("datasets not partitioned by month stay as they are").exists();
        assertThat(new LandingUpgrade(landing).oldParts()).isEmpty();
    }

    @Test
    void valuesThatNeedQuotingComeThroughUnchanged() throws IOException {
        String quoted = "m1,UPPLAN," + "a".repeat(64) + ",131003,2026-10,2026-10-05,111211,1310000016,\"2,50\",\"09\"\"00\","
                + "\"10\n00\",1\n";
        oldPart("dt=2026-10-01", "quoted", HEADER + quoted, FIRST_LANDED);

        new LandingUpgrade(landing).run((part, done, total, rows) -> { });

        Path moved = landing.resolve("schedule_lines/month=2026-10/dt=2026-10-01/part-quoted.csv");
        assertThat(Files.readString(moved)).isEqualTo(HEADER + quoted);
        assertThat(records(moved)).singleElement().satisfies(record -> {
            assertThat(record.get("units")).isEqualTo("2,50");
            assertThat(record.get("start_time")).isEqualTo("09\"00");
            assertThat(record.get("end_time")).isEqualTo("10\n00");
        });
    }

    /** A run stopped after writing a part's months but before deleting it lands nothing twice when repeated. */
    @Test
    void repeatingAnInterruptedRunReplacesWhatItWroteInsteadOfLandingItTwice() throws IOException {
        oldPart("dt=2026-10-01", "first", HEADER + SEPTEMBER_LINE + OCTOBER_LINE, FIRST_LANDED);
        new LandingUpgrade(landing).run((part, done, total, rows) -> { });
        List<Path> afterFirstRun = files();
        // as if the first run had stopped before its delete
        oldPart("dt=2026-10-01", "first", HEADER + SEPTEMBER_LINE + OCTOBER_LINE, FIRST_LANDED);

        LandingUpgrade.Result repeated = new LandingUpgrade(landing).run((part, done, total, rows) -> { });

        assertThat(repeated).isEqualTo(new LandingUpgrade.Result(1, 2, 2));
        assertThat(files()).isEqualTo(afterFirstRun);
        assertThat(Files.readString(landing.resolve("schedule_lines/month=2026-10/dt=2026-10-01/part-first.csv")))
                .isEqualTo(HEADER + OCTOBER_LINE);
    }

    @Test
    void aRunStoppedBeforeAFolderWasDeletedLeavesNothingBehindTheNextRun() throws IOException {
        Path emptied = Files.createDirectories(landing.resolve("schedule_lines/dt=2026-10-01"));
        Path withTemp = Files.createDirectories(landing.resolve("schedule_lines/dt=2026-10-02"));
        Files.writeString(withTemp.resolve(".part-x.csv.tmp"), "half a part");
        Path foreign = Files.createDirectories(landing.resolve("schedule_lines/dt=2026-10-03")).resolve("notes.txt");
        Files.writeString(foreign, "someone's file");

        assertThat(new LandingUpgrade(landing).run((part, done, total, rows) -> { }))
                .isEqualTo(new LandingUpgrade.Result(0, 0, 0));

        assertThat(emptied).doesNotExist();
        assertThat(withTemp).doesNotExist();
        assertThat(foreign).as("not the upgrade's to delete").exists();
    }

    @Test
    void aSecondUpgradeOfTheSameLandingZoneIsRefusedWhileOneRuns() throws IOException {
        Path oldPart = oldPart("dt=2026-10-01", "first", HEADER + OCTOBER_LINE, FIRST_LANDED);
        try (FileChannel lockFile = FileChannel.open(landing.resolve(".landing-upgrade.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock held = lockFile.lock()) {
            assertThatIOException().isThrownBy(() -> new LandingUpgrade(landing).run((part, done, total, rows) -> { }))
                    .withMessageContaining("another landing-upgrade is moving");
        }
        assertThat(oldPart).exists();
    }

    @Test
    void aLandingZoneThatIsNotThereIsAnErrorNotNothingToDo() {
        assertThatIOException().isThrownBy(() -> new LandingUpgrade(landing.resolve("elsewhere"))
                .run((part, done, total, rows) -> { })).withMessageContaining("no landing zone here");
    }

    @Test
    void anUpgradedOrNewLandingZoneHasNothingToDo() throws IOException {
        assertThat(new LandingUpgrade(landing).run((part, done, total, rows) -> { }))
                .isEqualTo(new LandingUpgrade.Result(0, 0, 0));
    }

    @Test
    void aPartWithAnotherHeaderStopsTheUpgradeNamingItAndStaysWhereItIs() throws IOException {
        Path foreign = oldPart("dt=2026-10-01", "foreign", "message_id,kind\nm1,UPPLAN\n", FIRST_LANDED);

        assertThatIOException().isThrownBy(() -> new LandingUpgrade(landing).run((part, done, total, rows) -> { }))
                .withMessageContaining(foreign.toString())
                .withMessageContaining("not a part renkei wrote");
        assertThat(foreign).exists();
    }

    private Path oldPart(String day, String id, String content, Instant landedAt) throws IOException {
        Path part = Files.createDirectories(landing.resolve("schedule_lines").resolve(day)).resolve("part-" + id + ".csv");
        Files.writeString(part, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(part, FileTime.from(landedAt));
        return part;
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.walk(landing)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<CSVRecord> records(Path part) throws IOException {
        try (Reader reader = Files.newBufferedReader(part, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            return new ArrayList<>(parser.getRecords());
        }
    }
}
