package jp.renkei.ingest.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import jp.renkei.ingest.io.DurableFiles;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jp.renkei.ingest.application.Application;
import jp.renkei.ingest.application.ApplicationRoster;
import jp.renkei.ingest.demo.DemoNationGenerator;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.FindingReportWriter;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.ingest.landing.LandingWriter;
import jp.renkei.ingest.municipality.Municipality;
import jp.renkei.ingest.municipality.MunicipalityMaster;
import jp.renkei.ingest.officelist.Office;
import jp.renkei.ingest.officelist.OfficeListReader;
import jp.renkei.ingest.reports.CardRolloutFile;
import jp.renkei.ingest.reports.EffectReport;
import jp.renkei.ingest.reports.EffectReportFile;
import jp.renkei.ingest.reports.ModelRegionFile;
import jp.renkei.ingest.reports.ModelRegionMember;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code renkei-ingest land <dataset> <files…>}: validates every file first and lands them only if all are clean;
 * a rejected file goes whole to {@code quarantine/<dataset>/} beside its findings report, and the exit code is 1.
 */
@Command(name = "land", mixinStandardHelpOptions = true,
        description = "Validates input files and lands them in the landing zone (all or nothing).")
final class LandCommand implements Callable<Integer> {
    /** The datasets this command lands; the relay lands exchanges and schedule lines itself. */
    enum Dataset {
        municipalities(LandingDataset.MUNICIPALITIES),
        offices(LandingDataset.OFFICES),
        applications(LandingDataset.APPLICATIONS),
        effect_reports(LandingDataset.EFFECT_REPORTS),
        model_regions(LandingDataset.MODEL_REGIONS),
        card_rollout(LandingDataset.CARD_ROLLOUT);

        final LandingDataset landing;

        Dataset(LandingDataset landing) {
            this.landing = landing;
        }
    }

    @Parameters(index = "0", description = "One of: ${COMPLETION-CANDIDATES}.")
    Dataset dataset;

    @Parameters(index = "1..*", arity = "1..*", description = "Input files.")
    List<Path> files;

    @Option(names = "--home", description = "RENKEI_HOME (default: $RENKEI_HOME or ./.renkei).")
    Path home = IngestCommand.defaultHome();

    @Option(names = "--master", description = "Municipality master for resolving office locations (default: the bundled localgovjp copy).")
    Path master;

    @Override
    public Integer call() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        List<Finding> rejected = new ArrayList<>();
        List<Path> rejectedFiles = new ArrayList<>();
        for (Path file : files) {
            try {
                rows.addAll(read(file, warnings));
            } catch (InputRejectedException rejection) {
                rejected.addAll(rejection.findings());
                rejectedFiles.add(file);
            }
        }
        if (!rejected.isEmpty()) {
            Path report = quarantine(rejectedFiles, rejected);
            long errors = rejected.stream().filter(Finding::isError).count();
            System.err.printf("%s: %d file(s) rejected with %d error(s); nothing landed.%n", dataset, rejectedFiles.size(), errors);
            rejected.stream().filter(Finding::isError).limit(10).forEach(finding -> System.err.println("  " + finding.describe()));
            System.err.println("  full report: " + report);
            return 1;
        }
        Path part = new LandingWriter(home.resolve("landing"), Clock.systemUTC()).writePart(dataset.landing, rows);
        System.out.printf("%s: %d file(s), %,d row(s) landed in %s%n", dataset, files.size(), rows.size(), part);
        if (!warnings.isEmpty()) {
            Path report = reportFolder("reports").resolve("warnings.csv");
            FindingReportWriter.write(report, warnings);
            System.out.printf("  %d warning(s), landed anyway; report: %s%n", warnings.size(), report);
            warnings.stream().limit(5).forEach(finding -> System.out.println("  " + finding.describe()));
        }
        return 0;
    }

    private List<List<Object>> read(Path file, List<Finding> warnings) throws IOException, InputRejectedException {
        String name = file.getFileName().toString();
        try (Reader reader = strictUtf8(file)) {
            return switch (dataset) {
                case municipalities -> MunicipalityMaster.read(name, reader).municipalities().stream()
                        .map(Municipality::toLandingRow).toList();
                case offices -> {
                    OfficeListReader.OfficeList list = new OfficeListReader(loadMaster()).read(name, reader);
                    warnings.addAll(list.warnings());
                    yield list.offices().stream().map(Office::toLandingRow).toList();
                }
                case applications -> ApplicationRoster.read(name, reader).stream().map(Application::toLandingRow).toList();
                case effect_reports -> {
                    EffectReportFile.Result result = EffectReportFile.read(name, reader);
                    warnings.addAll(result.warnings());
                    yield result.reports().stream().map(EffectReport::toLandingRow).toList();
                }
                case model_regions -> {
                    ModelRegionFile.Result result = ModelRegionFile.read(name, reader);
                    warnings.addAll(result.warnings());
                    yield result.members().stream().map(ModelRegionMember::toLandingRow).toList();
                }
                case card_rollout -> {
                    CardRolloutFile.Result result = CardRolloutFile.read(name, reader);
                    warnings.addAll(result.warnings());
                    yield result.starts().stream().map(CardRolloutFile.Start::toLandingRow).toList();
                }
            };
        } catch (java.io.UncheckedIOException decodingFailure) {
            throw rejectedEncoding(name, decodingFailure.getCause());
        } catch (CharacterCodingException decodingFailure) {
            throw rejectedEncoding(name, decodingFailure);
        }
    }

    private static InputRejectedException rejectedEncoding(String name, IOException cause) {
        jp.renkei.ingest.finding.Findings findings = new jp.renkei.ingest.finding.Findings(name);
        findings.error("CSV-ENC-001", 0, 0, "", "UTF-8として読めません。UTF-8で保存し直してください",
                "the file is not valid UTF-8 (" + cause.getMessage() + "); save it as UTF-8");
        return new InputRejectedException(findings);
    }

    private MunicipalityMaster loadMaster() throws IOException, InputRejectedException {
        if (master != null) {
            try (Reader reader = strictUtf8(master)) {
                return MunicipalityMaster.read(master.getFileName().toString(), reader);
            }
        }
        try (Reader reader = new InputStreamReader(
                DemoNationGenerator.class.getResourceAsStream(DemoNationGenerator.MASTER_RESOURCE), StandardCharsets.UTF_8)) {
            return MunicipalityMaster.read("localgovjp-utf8.csv", reader);
        }
    }

    /** UTF-8 that fails on a bad byte instead of inventing a replacement character. */
    private static Reader strictUtf8(Path file) throws IOException {
        return new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private Path reportFolder(String kind) throws IOException {
        String stamp = LocalDateTime.now(LandingWriter.LANDING_ZONE_ID).format(DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"));
        Path folder = home.resolve(kind).resolve(dataset.name()).resolve(stamp);
        // A quarantined input holds what the office sent, personal data included: owner-only from the start.
        DurableFiles.createOwnerOnlyFolder(folder);
        return folder;
    }

    private Path quarantine(List<Path> rejectedFiles, List<Finding> findings) throws IOException {
        Path folder = reportFolder("quarantine");
        for (Path file : rejectedFiles) {
            Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Path report = folder.resolve("findings.csv");
        FindingReportWriter.write(report, findings);
        return report;
    }
}
