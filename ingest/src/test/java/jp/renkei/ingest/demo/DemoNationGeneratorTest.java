package jp.renkei.ingest.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.renkei.ingest.application.Application;
import jp.renkei.ingest.application.ApplicationRoster;
import jp.renkei.ingest.cardcheck.CardCheckLog;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.municipality.MunicipalityMaster;
import jp.renkei.ingest.officelist.Office;
import jp.renkei.ingest.officelist.OfficeListReader;
import jp.renkei.ingest.reports.CardRolloutFile;
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
        assertThat(CONFIG.firstExchangeMonth()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(CONFIG.firstRelayMonth()).isEqualTo(YearMonth.of(2026, 10));
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

    /**
     * A tiny nation a few months past the rollout's start (later than today's reference month, so that enough of
     * 鳥取県's municipalities have joined to check): one month of files, the card checks of every month since.
     */
    @Test
    void cardsAreCheckedOnlyByAdoptingCareManagersOfJoinedMunicipalitiesFromTheirStartMonth(@TempDir Path folder)
            throws IOException, InputRejectedException {
        YearMonth lastMonth = YearMonth.of(2027, 6);
        DemoNation later = new DemoNationGenerator().generate(
                new DemoNationConfig(7, List.of("31"), 0.2, 4.0, DemoNationConfig.LINKAGE_START, lastMonth, 1, 1),
                folder, status -> { });
        Map<String, YearMonth> starts = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(later.cardRollout(), StandardCharsets.UTF_8)) {
            CardRolloutFile.read("card_rollout.csv", reader).starts()
                    .forEach(start -> starts.put(start.municipalityCode(), start.startMonth()));
        }
        Map<String, Application> careManagers = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(later.applicationRoster(), StandardCharsets.UTF_8)) {
            ApplicationRoster.read("applications.csv", reader).stream()
                    .filter(application -> application.serviceType().equals("43"))
                    .forEach(application -> careManagers.put(application.officeNumber(), application));
        }
        List<CardCheckLog.Entry> checks = new ArrayList<>();
        try (Stream<Path> logs = Files.list(later.archive())) {
            for (Path log : logs.filter(path -> path.getFileName().toString().startsWith("card-checks-")).sorted().toList()) {
                YearMonth month = YearMonth.parse(log.getFileName().toString().replaceAll("card-checks-|\\.csv", ""));
                try (Reader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
                    for (CardCheckLog.Entry check : CardCheckLog.read(log.getFileName().toString(), reader)) {
                        assertThat(YearMonth.from(check.checkedAt().atZone(ZoneId.of("Asia/Tokyo")))).isEqualTo(month);
                        checks.add(check);
                    }
                }
            }
        }

        assertThat(starts).hasSize(later.municipalities());
        assertThat(checks).hasSize((int) later.cardChecks()).hasSizeGreaterThan(200);
        for (CardCheckLog.Entry check : checks) {
            YearMonth month = YearMonth.from(check.checkedAt().atZone(ZoneId.of("Asia/Tokyo")));
            assertThat(month).isBetween(YearMonth.of(2026, 11), lastMonth);
            Application office = careManagers.get(check.office());
            assertThat(office).as("checking office %s is a licensed 居宅介護支援 office", check.office()).isNotNull();
            assertThat(YearMonth.from(office.licenseStart())).isBeforeOrEqualTo(month);
            String municipality = check.office().substring(0, 2) + check.office().substring(3, 6);
            YearMonth start = starts.entrySet().stream().filter(entry -> entry.getKey().startsWith(municipality))
                    .map(Map.Entry::getValue).findFirst().orElseThrow();
            assertThat(start).as("start of %s", municipality).isBeforeOrEqualTo(month);
        }
        double eligible = checks.stream().filter(check -> check.result().equals("eligible")).count() / (double) checks.size();
        assertThat(eligible).as("share of eligible checks (86 %% drawn)").isBetween(0.80, 0.92);
    }

    private static List<Path> relativeFiles(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
