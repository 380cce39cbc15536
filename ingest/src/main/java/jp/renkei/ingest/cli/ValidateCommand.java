package jp.renkei.ingest.cli;

import java.io.IOException;
import java.nio.file.Files;
import jp.renkei.ingest.io.DurableFiles;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.FindingReportWriter;
import jp.renkei.ingest.landing.LandingWriter;
import jp.renkei.ingest.standard.StandardBatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code renkei-ingest validate [--utf8] <files or folders…>}: checks standard files of any kind and their send
 * units without landing anything; writes the findings report, copies each rejected file whole to
 * {@code quarantine/standard/<time>/} and exits 1 when any file has an error. Findings never hold a person number.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validates ケアプランデータ連携 standard files (folders are walked) and their send units; lands nothing.")
final class ValidateCommand implements Callable<Integer> {
    private static final int TOP_CODES = 10;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Standard files or folders holding them.")
    List<Path> inputs;

    @Option(names = "--utf8", description = "The sender is known to export UTF-8: accept it when detected (a warning).")
    boolean utf8;

    @Option(names = "--home", description = "RENKEI_HOME (default: $RENKEI_HOME or ./.renkei).")
    Path home = IngestCommand.defaultHome();

    @Option(names = "--report", description = "Findings report (default: <home>/reports/standard/<time>/findings.csv).")
    Path report;

    @Override
    public Integer call() throws IOException {
        List<Path> files = collect();
        long totalBytes = 0;
        for (Path file : files) {
            totalBytes += Files.size(file);
        }
        ConsoleProgress progress = new ConsoleProgress("validate");
        Tally tally = new Tally();
        double megabytes = totalBytes / 1e6;
        new StandardBatch(utf8).validate(files, tally::add, read -> progress.update(
                String.format("%,.1f of %,.1f MB, %,d of %,d file(s)", read / 1e6, megabytes, tally.files, files.size())));
        progress.update(String.format("%,.1f MB, %,d file(s)", megabytes, tally.files));
        progress.done();
        String stamp = LocalDateTime.now(LandingWriter.LANDING_ZONE_ID).format(DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"));
        Path reportFile = report != null ? report : home.resolve("reports").resolve("standard").resolve(stamp).resolve("findings.csv");
        FindingReportWriter.write(reportFile, tally.findings);
        Path quarantine = tally.rejected.isEmpty() ? null : quarantine(home.resolve("quarantine").resolve("standard").resolve(stamp), tally);
        printSummary(tally, reportFile, quarantine);
        return tally.rejected.isEmpty() ? 0 : 1;
    }

    private List<Path> collect() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input);
            } else {
                throw new ParameterException(spec.commandLine(), "no such file or folder: " + input);
            }
        }
        if (files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no files under " + inputs);
        }
        return files;
    }

    /** Copies each rejected file whole (numbered subfolders keep same-named files from different folders apart). */
    private static Path quarantine(Path folder, Tally tally) throws IOException {
        // Rejected files hold names, addresses and person numbers: owner-only from the start.
        DurableFiles.createOwnerOnlyFolder(folder);
        for (Path file : tally.rejected) {
            Path target = folder.resolve(file.getFileName().toString());
            for (int copy = 2; Files.exists(target); copy++) {
                target = folder.resolve(Integer.toString(copy)).resolve(file.getFileName().toString());
            }
            DurableFiles.createOwnerOnlyFolder(target.getParent());
            Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        FindingReportWriter.write(folder.resolve("findings.csv"),
                tally.findings.stream().filter(finding -> tally.rejectedNames.contains(finding.file())).toList());
        return folder;
    }

    private static void printSummary(Tally tally, Path reportFile, Path quarantine) {
        System.out.printf("files: %,d (%,d rejected), records: %,d, errors: %,d, warnings: %,d%n", tally.files,
                tally.rejected.size(), tally.records, tally.errors, tally.warnings);
        if (!tally.byCode.isEmpty()) {
            System.out.println("by code (top " + TOP_CODES + "):");
            tally.byCode.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(TOP_CODES)
                    .forEach(entry -> System.out.printf("  %-16s %,d%n", entry.getKey(), entry.getValue()));
        }
        System.out.println("report: " + reportFile);
        if (quarantine != null) {
            System.out.println("quarantine: " + quarantine);
        }
    }

    /** Running totals; findings are kept for the report (each file's list is already capped by Findings). */
    private static final class Tally {
        long files;
        long records;
        long errors;
        long warnings;
        final Map<String, Long> byCode = new TreeMap<>();
        final List<Finding> findings = new ArrayList<>();
        final List<Path> rejected = new ArrayList<>();
        final Set<String> rejectedNames = new HashSet<>();

        void add(StandardBatch.FileResult result) {
            files++;
            records += result.records();
            errors += result.errors();
            warnings += result.warnings();
            result.findings().forEach(finding -> byCode.merge(finding.code(), 1L, Long::sum));
            findings.addAll(result.findings());
            if (result.rejected()) {
                rejected.add(result.path());
                rejectedNames.add(result.path().getFileName().toString());
            }
        }
    }
}
