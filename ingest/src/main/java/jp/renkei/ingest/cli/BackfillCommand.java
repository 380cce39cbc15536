package jp.renkei.ingest.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import jp.renkei.ingest.cardcheck.CardCheckLog;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.FindingReportWriter;
import jp.renkei.ingest.finding.Findings;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.io.DurableFiles;
import jp.renkei.ingest.landing.ExchangeRows;
import jp.renkei.ingest.landing.ExchangeStatus;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.ingest.landing.LandingWriter;
import jp.renkei.ingest.pseudonym.PersonPseudonymizer;
import jp.renkei.ingest.pseudonym.PseudonymKeyStore;
import jp.renkei.ingest.standard.StandardFile;
import jp.renkei.ingest.standard.StandardFileReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code renkei-ingest backfill <archive.zip…>}: lands past months' standard files in bulk, as a deployment imports
 * the linkage system's history instead of sending years of files through the relay. Each file is validated with the
 * same reader as the relay's and landed as the same {@code exchanges} and {@code schedule_lines} rows, pseudonymised
 * with the relay's key; its message id is derived from its name and content, so a second run of the same archive
 * lands rows that the marts' de-duplication by message id drops. A card-check log ({@code .csv}, {@link CardCheckLog})
 * lands as {@code card_checks} rows, whole or not at all; its check ids repeat on a second run in the same way. A file with an error goes to
 * {@code quarantine/backfill/<time>/} with a findings report; the others land, and the exit code is 1.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Lands archived standard files (ZIP: <sender>/<file name>) as exchanges and schedule lines, "
                + "and card-check logs (CSV) as card checks.")
final class BackfillCommand implements Callable<Integer> {
    /** Rows buffered before a part is written: about 200 MB of CSV. */
    static final int ROWS_PER_PART = 1_500_000;

    @Parameters(arity = "1..*", description = "ZIP archives of standard files (archive/history-2025-*.zip) and "
            + "card-check logs (CSV, archive/card-checks-*.csv).")
    List<Path> archives;

    @Option(names = "--home", description = "RENKEI_HOME: the landing zone and the pseudonym key (default: $RENKEI_HOME or ./.renkei).")
    Path home = IngestCommand.defaultHome();

    private final StandardFileReader reader = new StandardFileReader();
    private final List<Finding> findings = new ArrayList<>();
    private Path quarantine;
    private long files;
    private long rejected;
    private long landedRows;
    private long cardCheckRows;

    @Override
    public Integer call() throws IOException {
        PersonPseudonymizer pseudonymizer = new PersonPseudonymizer(PseudonymKeyStore.load(home, System.getenv()));
        LandingWriter writer = new LandingWriter(home.resolve("landing"), Clock.systemUTC());
        ExchangeRows rows = new ExchangeRows(pseudonymizer);
        ConsoleProgress progress = new ConsoleProgress("backfill");
        for (Path archive : archives) {
            if (isCardCheckLog(archive)) {
                landCardChecks(archive, pseudonymizer, writer);
                continue;
            }
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        land(archive, entry.getName(), zip.readAllBytes(), rows);
                    }
                    if (rows.bufferedRows() >= ROWS_PER_PART) {
                        landedRows += rows.bufferedRows();
                        rows.flush(writer);
                    }
                    progress.update(String.format("%s, %,d files, %,d rows", archive.getFileName(), files,
                            landedRows + rows.bufferedRows()));
                }
            }
        }
        landedRows += rows.bufferedRows();
        rows.flush(writer);
        progress.done();
        System.out.printf("backfill: %,d file(s) from %d archive(s) and log(s), %,d landed as %,d rows (%,d of them "
                + "card checks), %,d rejected%n", files, archives.size(), files - rejected, landedRows + cardCheckRows,
                cardCheckRows, rejected);
        if (rejected > 0) {
            Path report = quarantine.resolve("findings.csv");
            FindingReportWriter.write(report, findings);
            System.err.printf("backfill: %,d file(s) rejected and not landed; they and the report are in %s%n", rejected,
                    quarantine);
            findings.stream().filter(Finding::isError).limit(10).forEach(finding -> System.err.println("  " + finding.describe()));
            return 1;
        }
        return 0;
    }

    private static boolean isCardCheckLog(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    /** A card-check log lands whole as one {@code card_checks} part, or not at all. */
    private void landCardChecks(Path log, PersonPseudonymizer pseudonymizer, LandingWriter writer) throws IOException {
        files++;
        List<CardCheckLog.Entry> entries;
        try (Reader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            entries = CardCheckLog.read(log.getFileName().toString(), reader);
        } catch (InputRejectedException invalid) {
            rejected++;
            findings.addAll(invalid.findings());
            Files.copy(log, quarantine().resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            return;
        } catch (CharacterCodingException notUtf8) {
            rejected++;
            Findings encoding = new Findings(log.getFileName().toString());
            encoding.error("CSV-ENC-001", 0, 0, "", "UTF-8として読めません。UTF-8で保存し直してください",
                    "the file is not valid UTF-8 (" + notUtf8.getMessage() + "); save it as UTF-8");
            findings.addAll(encoding.list());
            Files.copy(log, quarantine().resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        List<List<Object>> landing = new ArrayList<>(entries.size());
        for (CardCheckLog.Entry entry : entries) {
            landing.add(entry.toLandingRow(pseudonymizer));
        }
        writer.writePart(LandingDataset.CARD_CHECKS, landing);
        cardCheckRows += landing.size();
    }

    private void land(Path archive, String entryName, byte[] content, ExchangeRows rows) throws IOException {
        files++;
        String fileName = entryName.substring(entryName.lastIndexOf('/') + 1);
        StandardFile file = reader.read(fileName, content);
        if (!file.isValid()) {
            rejected++;
            findings.addAll(file.findings().list());
            Path target = quarantine().resolve(archive.getFileName().toString()).resolve(entryName).normalize();
            if (!target.startsWith(quarantine)) {
                throw new IOException("archive entry " + entryName + " in " + archive + " points outside its folder");
            }
            Files.createDirectories(target.getParent());
            Files.write(target, content);
            return;
        }
        String sha256 = sha256(content);
        String messageId = UUID.nameUUIDFromBytes(("backfill/" + fileName + "/" + sha256)
                .getBytes(StandardCharsets.UTF_8)).toString();
        Instant sentAt = file.name().orElseThrow().sentAt().atZone(LandingWriter.LANDING_ZONE_ID).toInstant();
        rows.add(messageId, file, content.length, sha256, sentAt, sentAt, ExchangeStatus.DELIVERED);
    }

    private Path quarantine() throws IOException {
        if (quarantine == null) {
            String stamp = LocalDateTime.now(LandingWriter.LANDING_ZONE_ID)
                    .format(DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss"));
            quarantine = home.resolve("quarantine").resolve("backfill").resolve(stamp);
            DurableFiles.createOwnerOnlyFolder(quarantine);
        }
        return quarantine;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
