package jp.renkei.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.renkei.ingest.application.Application;
import jp.renkei.ingest.application.ApplicationRoster;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.municipality.MunicipalityMaster;
import jp.renkei.ingest.officelist.Office;
import jp.renkei.ingest.officelist.OfficeListReader;
import jp.renkei.ingest.standard.FileKind;
import jp.renkei.ingest.standard.InvalidFileNameException;
import jp.renkei.ingest.standard.StandardFile;
import jp.renkei.ingest.standard.StandardFileName;
import jp.renkei.ingest.standard.StandardFileReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tiny demo nation, generated once and checked with the same readers that ingest uses. */
class DemoNationGeneratorTest {
    private static final DemoNationConfig CONFIG = DemoNationConfig.tiny(7);

    @TempDir
    static Path output;

    private static DemoNation nation;

    @BeforeAll
    static void generate() throws IOException, InputRejectedException {
        nation = new DemoNationGenerator().generate(CONFIG, output, status -> { });
    }

    @Test
    void sameSeedGivesByteIdenticalFiles(@TempDir Path again) throws IOException, InputRejectedException {
        new DemoNationGenerator().generate(CONFIG, again, status -> { });

        List<Path> files = relativeFiles(output);
        assertThat(relativeFiles(again)).isEqualTo(files);
        for (Path file : files) {
            assertThat(Files.readAllBytes(again.resolve(file))).as("%s", file).isEqualTo(Files.readAllBytes(output.resolve(file)));
        }
    }

    @Test
    void summaryCountsWhatWasWritten() throws IOException {
        assertThat(nation.offices()).isEqualTo(CONFIG.officeCount());
        assertThat(nation.files()).isPositive().isEqualTo(standardFiles().size());
        assertThat(nation.linkedPairs()).isPositive();
        assertThat(nation.scheduleLines()).isPositive();
        assertThat(nation.municipalities()).isEqualTo(19);
    }

    @Test
    void everyStandardFileIsValid() throws IOException {
        StandardFileReader reader = new StandardFileReader();
        long scheduleLines = 0;
        for (Path file : standardFiles()) {
            StandardFile read = reader.read(file.getFileName().toString(), Files.readAllBytes(file));
            assertThat(read.findings().list()).as("findings of %s", file.getFileName()).noneMatch(Finding::isError);
            assertThat(read.records()).as("records of %s", file.getFileName()).isNotEmpty();
            scheduleLines += read.scheduleRecords().size();
        }
        assertThat(scheduleLines).isEqualTo(nation.scheduleLines());
    }

    @Test
    void filesSitInTheirSendersFolderAndWithinTheExchangeMonths() throws IOException, InvalidFileNameException {
        List<StandardFileName> names = new ArrayList<>();
        for (Path file : standardFiles()) {
            StandardFileName name = StandardFileName.parse(file.getFileName().toString());
            assertThat(file.getParent().getFileName()).as("folder of %s", file.getFileName()).hasToString(name.senderOffice());
            YearMonth month = name.targetMonth().orElseThrow();
            assertThat(month).as("month of %s", file.getFileName())
                    .isBetween(CONFIG.firstExchangeMonth(), CONFIG.lastMonth());
            assertThat(YearMonth.from(name.sentAt())).as("sent month of %s", file.getFileName()).isEqualTo(month);
            names.add(name);
        }
        assertThat(names).extracting(StandardFileName::kind).contains(FileKind.UPPLAN, FileKind.UPSIKYU, FileKind.UPJSK);
        assertThat(CONFIG.firstExchangeMonth()).isEqualTo(YearMonth.of(2026, 5));
    }

    @Test
    void referenceFilesParseAndEveryLicensedOfficeIsInTheOfficeList() throws IOException, InputRejectedException {
        MunicipalityMaster master;
        try (Reader reader = Files.newBufferedReader(nation.municipalityMaster(), StandardCharsets.UTF_8)) {
            master = MunicipalityMaster.read("localgovjp-utf8.csv", reader);
        }
        List<Office> offices;
        try (Reader reader = Files.newBufferedReader(nation.officeList(), StandardCharsets.UTF_8)) {
            offices = new OfficeListReader(master).read("jigyosho_demo.csv", reader).offices();
        }
        List<Application> applications;
        try (Reader reader = Files.newBufferedReader(nation.applicationRoster(), StandardCharsets.UTF_8)) {
            applications = ApplicationRoster.read("applications.csv", reader);
        }

        assertThat(master.municipalities()).hasSize(nation.municipalities())
                .allSatisfy(municipality -> assertThat(municipality.prefectureCode()).isEqualTo("31"));
        assertThat(offices).hasSize(nation.offices());
        assertThat(offices).allSatisfy(office -> assertThat(office.prefectureCode()).isEqualTo("31"));
        assertThat(applications).hasSize(nation.applications()).isNotEmpty();
        Set<String> listed = offices.stream().map(office -> office.officeNumber() + "/" + office.serviceType())
                .collect(Collectors.toSet());
        assertThat(applications).allSatisfy(application -> {
            assertThat(listed).contains(application.officeNumber() + "/" + application.serviceType());
            assertThat(YearMonth.from(application.appliedOn())).isBetween(CONFIG.firstMonth(), CONFIG.lastMonth());
            assertThat(application.licenseStart()).isBeforeOrEqualTo(CONFIG.lastMonth().atEndOfMonth());
        });
    }

    private static List<Path> standardFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(nation.outbox())) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
