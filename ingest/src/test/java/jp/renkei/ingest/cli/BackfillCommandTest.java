package jp.renkei.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import jp.renkei.ingest.cardcheck.CardCheckLog;
import jp.renkei.ingest.demo.DemoNation;
import jp.renkei.ingest.demo.DemoNationConfig;
import jp.renkei.ingest.demo.DemoNationGenerator;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.ingest.pseudonym.PseudonymKeyStore;
import jp.renkei.ingest.standard.StandardFileReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Backfill lands an archive's valid files as the relay would, sets the broken ones aside, and repeats identically. */
class BackfillCommandTest {
    private static final Charset MS932 = Charset.forName("windows-31j");

    @TempDir
    static Path generated;

    /** entry name → content of one month of the tiny nation's archive. */
    private static final Map<String, byte[]> MONTH = new LinkedHashMap<>();

    @TempDir
    Path home;

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    @BeforeAll
    static void generateTheTinyNation() throws IOException, InputRejectedException {
        DemoNation nation = new DemoNationGenerator().generate(DemoNationConfig.tiny(5), generated, status -> { });
        Path archive;
        try (Stream<Path> archives = Files.list(nation.archive())) {
            archive = archives.filter(file -> file.getFileName().toString().endsWith(".zip")).sorted()
                    .reduce((first, second) -> second).orElseThrow();
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                MONTH.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertThat(MONTH).hasSizeGreaterThan(3);
    }

    @Test
    void validFilesLandAsExchangesAndPseudonymisedLinesAndABrokenOneIsQuarantined() throws IOException {
        PseudonymKeyStore.createIfMissing(home);
        Map<String, byte[]> entries = new LinkedHashMap<>(MONTH);
        String broken = entries.keySet().stream().filter(name -> name.contains("UPPLAN_")).findFirst().orElseThrow();
        String text = new String(entries.get(broken), MS932);
        String insured = text.split(",")[2];
        entries.put(broken, text.replaceFirst(",(\\d{6}),(\\d{10}),\\d{8},", ",$1,$2,20261399,").getBytes(MS932));
        Path archive = zip("history-2026-08.zip", entries);

        int exitCode = backfill(archive);

        assertThat(exitCode).as("exit code; stderr: %s", console.err()).isEqualTo(1);
        List<CSVRecord> exchanges = landed(LandingDataset.EXCHANGES);
        List<CSVRecord> lines = landed(LandingDataset.SCHEDULE_LINES);
        assertThat(exchanges).hasSize(entries.size() - 1)
                .allSatisfy(row -> assertThat(row.get("status")).isEqualTo("delivered"));
        long expectedLines = 0;
        StandardFileReader reader = new StandardFileReader();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (!entry.getKey().equals(broken)) {
                expectedLines += reader.read(entry.getKey().substring(entry.getKey().indexOf('/') + 1), entry.getValue())
                        .scheduleRecords().size();
            }
        }
        assertThat(lines).hasSize((int) expectedLines);
        assertThat(lines).allSatisfy(row -> assertThat(row.get("person_key")).matches("[0-9a-f]{64}"));
        for (Path part : partsUnder(home.resolve("landing"))) {
            assertThat(Files.readString(part)).as("%s must hold no clear 被保険者番号", part).doesNotContain(insured);
        }
        Path quarantined;
        try (Stream<Path> files = Files.walk(home.resolve("quarantine").resolve("backfill"))) {
            quarantined = files.filter(file -> file.getFileName().toString().equals(broken.substring(broken.indexOf('/') + 1)))
                    .findFirst().orElseThrow();
        }
        Path stamp = quarantined.getParent().getParent().getParent();
        assertThat(stamp.getParent()).isEqualTo(home.resolve("quarantine").resolve("backfill"));
        assertThat(stamp.resolve("findings.csv")).content().contains(broken.substring(broken.indexOf('/') + 1));
        assertThat(console.err()).contains("1 file(s) rejected");
    }

    @Test
    void aSecondRunOfTheSameArchiveRepeatsTheSameMessageIds() throws IOException {
        PseudonymKeyStore.createIfMissing(home);
        Path archive = zip("history-2026-08.zip", MONTH);

        assertThat(backfill(archive)).isZero();
        Set<String> first = landed(LandingDataset.EXCHANGES).stream().map(row -> row.get("message_id"))
                .collect(Collectors.toSet());
        assertThat(backfill(archive)).isZero();
        List<String> both = landed(LandingDataset.EXCHANGES).stream().map(row -> row.get("message_id")).toList();

        assertThat(first).hasSize(MONTH.size());
        assertThat(both).hasSize(2 * MONTH.size());
        assertThat(Set.copyOf(both)).isEqualTo(first);
    }

    @Test
    void aDeleteLandsAsOneRowPerRecordNamingThePersonMonthAndForActualsTheOfficeAndServiceType() throws IOException {
        PseudonymKeyStore.createIfMissing(home);
        String planName = entryOf("UPPLAN_");
        String actualsName = entryOf("UPJSK_");
        String[] plan = new String(MONTH.get(planName), MS932).split("\r\n")[0].split(",");
        String[] actuals = new String(MONTH.get(actualsName), MS932).split("\r\n")[0].split(",");
        // The deletes go the way the files they delete went: DLTPLAN from the care manager, DLTJSK from the office.
        String month = planName.substring(planName.indexOf("UPPLAN_") + 7, planName.indexOf("UPPLAN_") + 13);
        String actualsFile = actualsName.substring(actualsName.indexOf('/') + 1);
        String actualsOffice = actualsFile.split("_")[2];
        String actualsType = actualsFile.split("_")[3];
        Map<String, byte[]> deletes = new LinkedHashMap<>();
        deletes.put(planName.replace("UPPLAN_", "DLTPLAN_"),
                (String.join(",", plan[0], plan[1], plan[2], month) + "\r\n").getBytes(MS932));
        deletes.put(actualsName.replace("UPJSK_", "DLTJSK_"), (String.join(",", actuals[0], actuals[1], actuals[2],
                month, actualsOffice, actualsType) + "\r\n").getBytes(MS932));

        int exitCode = backfill(zip("history-deletes.zip", deletes));

        assertThat(exitCode).as("exit code; stderr: %s", console.err()).isZero();
        List<CSVRecord> lines = landed(LandingDataset.SCHEDULE_LINES);
        assertThat(lines).extracting(row -> row.get("kind")).containsExactlyInAnyOrder("DLTPLAN", "DLTJSK");
        assertThat(lines).allSatisfy(row -> {
            assertThat(row.get("person_key")).matches("[0-9a-f]{64}");
            assertThat(row.get("target_month")).isEqualTo(month.substring(0, 4) + "-" + month.substring(4));
            assertThat(row.get("service_date")).isEmpty();
        });
        CSVRecord actualsDelete = lines.stream().filter(row -> row.get("kind").equals("DLTJSK")).findFirst().orElseThrow();
        assertThat(actualsDelete.get("service_office")).isEqualTo(actualsOffice);
        assertThat(actualsDelete.get("service_code")).isEqualTo(actualsType);
        assertThat(actualsDelete.get("insurer")).isEqualTo(actuals[1]);
    }

    private static String entryOf(String kindPrefix) {
        return MONTH.keySet().stream().filter(name -> name.contains(kindPrefix)).findFirst().orElseThrow();
    }

    @Test
    void withoutAPseudonymKeyNothingLandsAndTheErrorSaysHowToMakeOne() throws IOException {
        Path archive = zip("history-2026-08.zip", MONTH);

        int exitCode = backfill(archive);

        assertThat(exitCode).isNotZero();
        assertThat(console.err()).contains("RENKEI_PSEUDONYM_KEY");
        assertThat(home.resolve("landing")).doesNotExist();
    }

    @Test
    void aCardCheckLogLandsPseudonymisedAndABrokenOneIsQuarantinedWhole() throws IOException {
        PseudonymKeyStore.createIfMissing(home);
        String header = String.join(",", CardCheckLog.HEADER) + "\r\n";
        Path good = write("card-checks-2026-11.csv", header
                + "00000000-0000-3000-8000-000000000001,3112010018,312011,0001000001,pin,eligible,,1650,2026-11-04T01:23:45Z\r\n"
                + "00000000-0000-3000-8000-000000000002,3112010018,,,pin,failed,person_not_found,2100,2026-11-05T02:00:00Z\r\n");
        Path broken = write("card-checks-2026-12.csv", header
                + "00000000-0000-3000-8000-000000000003,3112010018,312011,0001000003,pin,eligible,,1650,2026-12-01T01:00:00Z\r\n"
                + "00000000-0000-3000-8000-000000000004,3112010018,312011,0001000004,iris,eligible,,1650,2026-12-01T02:00:00Z\r\n");

        int exitCode = CommandErrors.commandLine("renkei-ingest", new IngestCommand())
                .execute("backfill", "--home", home.toString(), good.toString(), broken.toString());

        assertThat(exitCode).as("exit code; stderr: %s", console.err()).isEqualTo(1);
        List<CSVRecord> checks = landed(LandingDataset.CARD_CHECKS);
        assertThat(checks).extracting(row -> row.get("check_id")).containsExactly(
                "00000000-0000-3000-8000-000000000001", "00000000-0000-3000-8000-000000000002");
        assertThat(checks.get(0).get("person_key")).matches("[0-9a-f]{64}");
        assertThat(checks.get(1).get("person_key")).isEmpty();
        assertThat(checks.get(1).get("failure_reason")).isEqualTo("person_not_found");
        for (Path part : partsUnder(home.resolve("landing"))) {
            assertThat(Files.readString(part)).as("%s must hold no clear 被保険者番号", part).doesNotContain("0001000001");
        }
        assertThat(console.err()).contains("1 file(s) rejected").contains("CCL-METHOD-001");
        try (Stream<Path> files = Files.walk(home.resolve("quarantine").resolve("backfill"))) {
            assertThat(files.map(file -> file.getFileName().toString())).contains("card-checks-2026-12.csv", "findings.csv");
        }
    }

    private Path write(String name, String content) throws IOException {
        Path file = home.resolve("archive").resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private int backfill(Path archive) {
        return CommandErrors.commandLine("renkei-ingest", new IngestCommand())
                .execute("backfill", "--home", home.toString(), archive.toString());
    }

    private Path zip(String name, Map<String, byte[]> entries) throws IOException {
        Path archive = home.resolve("archive").resolve(name);
        Files.createDirectories(archive.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return archive;
    }

    private List<CSVRecord> landed(LandingDataset dataset) throws IOException {
        List<CSVRecord> rows = new ArrayList<>();
        for (Path part : partsUnder(home.resolve("landing").resolve(dataset.directoryName()))) {
            try (Reader reader = Files.newBufferedReader(part)) {
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).forEach(rows::add);
            }
        }
        return rows;
    }

    private static List<Path> partsUnder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(file -> file.getFileName().toString().startsWith("part-")).sorted().toList();
        }
    }
}
