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
import jp.renkei.ingest.reports.EffectReportFile;
import jp.renkei.ingest.reports.ModelRegionFile;
import jp.renkei.ingest.reports.ModelRegionMember;
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
        List<GeneratedFile> files = GeneratedFile.all(nation);
        assertThat(nation.offices()).isPositive();
        assertThat(nation.files()).isPositive().isEqualTo(files.size());
        assertThat(nation.archivedFiles()).isPositive().isLessThan(nation.files())
                .isEqualTo((int) files.stream().filter(GeneratedFile::archived).count());
        assertThat(nation.linkedPairs()).isPositive();
        assertThat(nation.scheduleLines()).isPositive();
        assertThat(nation.municipalities()).isEqualTo(19);
        assertThat(nation.modelRegionCount()).isPositive();
        assertThat(nation.effectReportCount()).isPositive();
    }

    @Test
    void everyStandardFileIsValid() throws IOException {
        StandardFileReader reader = new StandardFileReader();
        long scheduleLines = 0;
        for (GeneratedFile file : GeneratedFile.all(nation)) {
            StandardFile read = reader.read(file.name(), file.content());
            assertThat(read.findings().list()).as("findings of %s", file.name()).noneMatch(Finding::isError);
            assertThat(read.records()).as("records of %s", file.name()).isNotEmpty();
            scheduleLines += read.scheduleRecords().size();
        }
        assertThat(scheduleLines).isEqualTo(nation.scheduleLines());
    }

    @Test
    void pastMonthsGoToTheArchiveAndTheLatestToTheSendersOutboxFolder() throws IOException, InvalidFileNameException {
        List<StandardFileName> names = new ArrayList<>();
        for (GeneratedFile file : GeneratedFile.all(nation)) {
            StandardFileName name = StandardFileName.parse(file.name());
            assertThat(file.sender()).as("folder of %s", file.name()).isEqualTo(name.senderOffice());
            YearMonth month = name.targetMonth().orElseThrow();
            assertThat(month).as("month of %s", file.name()).isBetween(CONFIG.firstExchangeMonth(), CONFIG.lastMonth());
            assertThat(file.archived()).as("archived: %s", file.name()).isEqualTo(month.isBefore(CONFIG.firstRelayMonth()));
            if (file.archived()) {
                assertThat(file.archive()).as("archive of %s", file.name()).isEqualTo("history-" + month + ".zip");
            }
            assertThat(YearMonth.from(name.sentAt())).as("sent month of %s", file.name()).isEqualTo(month);
            names.add(name);
        }
        assertThat(names).extracting(StandardFileName::kind).contains(FileKind.UPPLAN, FileKind.UPSIKYU, FileKind.UPJSK);
        assertThat(CONFIG.firstExchangeMonth()).isEqualTo(YearMonth.of(2026, 5));
        assertThat(CONFIG.firstRelayMonth()).isEqualTo(YearMonth.of(2026, 9));
    }

    @Test
    void modelRegionsAndEffectReportsPassTheirOwnValidation() throws IOException, InputRejectedException {
        ModelRegionFile.Result regions;
        try (Reader reader = Files.newBufferedReader(nation.modelRegions(), StandardCharsets.UTF_8)) {
            regions = ModelRegionFile.read("model_regions.csv", reader);
        }
        EffectReportFile.Result reports;
        try (Reader reader = Files.newBufferedReader(nation.effectReports(), StandardCharsets.UTF_8)) {
            reports = EffectReportFile.read("effect_reports.csv", reader);
        }
        assertThat(regions.members().stream().map(ModelRegionMember::regionId).distinct()).hasSize(nation.modelRegionCount());
        assertThat(regions.members()).allSatisfy(member -> assertThat(member.prefectureCode()).isEqualTo("31"));
        assertThat(reports.reports()).hasSize(nation.effectReportCount());
        assertThat(reports.reports()).allSatisfy(report ->
                assertThat(report.month()).isBeforeOrEqualTo(CONFIG.lastMonth()));
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

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
