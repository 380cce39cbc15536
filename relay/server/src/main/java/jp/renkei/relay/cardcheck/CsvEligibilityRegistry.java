package jp.renkei.relay.cardcheck;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.renkei.ingest.csv.HeaderCheckedCsv;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.Findings;
import jp.renkei.ingest.standard.OfficeNumber;
import org.apache.commons.csv.CSVRecord;

/**
 * The demo eligibility source: one CSV per insurer, {@code <folder>/<保険者番号>.csv} (UTF-8, header
 * {@link #HEADER}; docs/card-check.md). The files are read again whenever one is added, removed or changed.
 *
 * <p>"Unreachable" means the source cannot be used as a whole: the folder is missing or unreadable, or a file breaks
 * the format (the log names file, line and column). Then {@link #find} throws {@link RegistryUnavailableException}
 * rather than answer from a partial registry; "person not found" is only ever said by a registry read in full.
 */
public final class CsvEligibilityRegistry implements EligibilityRegistry {
    public static final List<String> HEADER = List.of("certificate_serial", "insurer_number", "insured_person_number",
            "care_level", "certification_valid_from", "certification_valid_to", "copayment_ratio", "registered_offices");
    private static final System.Logger LOG = System.getLogger(CsvEligibilityRegistry.class.getName());

    private final Path folder;
    private Map<String, String> loadedFingerprint;
    private Map<String, EligibilityRecord> bySerial = Map.of();

    public CsvEligibilityRegistry(Path folder) {
        this.folder = folder;
    }

    @Override
    public synchronized Optional<EligibilityRecord> find(String certificateSerial) throws RegistryUnavailableException {
        Map<String, String> fingerprint = fingerprint();
        if (!fingerprint.equals(loadedFingerprint)) {
            bySerial = load(fingerprint.keySet());
            loadedFingerprint = fingerprint;
            LOG.log(System.Logger.Level.INFO, "eligibility registry: {0} person(s) from {1} insurer file(s) in {2}",
                    bySerial.size(), fingerprint.size(), folder);
        }
        return Optional.ofNullable(bySerial.get(certificateSerial));
    }

    /** File name → size and modification time of every insurer file. */
    private Map<String, String> fingerprint() throws RegistryUnavailableException {
        if (!Files.isDirectory(folder)) {
            throw new RegistryUnavailableException("the eligibility folder " + folder + " does not exist");
        }
        Map<String, String> files = new TreeMap<>();
        try (DirectoryStream<Path> csvFiles = Files.newDirectoryStream(folder, "[!._]*.csv")) {
            for (Path file : csvFiles) {
                files.put(file.getFileName().toString(), Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis());
            }
        } catch (IOException unreadable) {
            throw new RegistryUnavailableException("cannot list the eligibility folder " + folder, unreadable);
        }
        return files;
    }

    private Map<String, EligibilityRecord> load(Iterable<String> fileNames) throws RegistryUnavailableException {
        Map<String, EligibilityRecord> records = new HashMap<>();
        for (String fileName : fileNames) {
            Path file = folder.resolve(fileName);
            String insurer = fileName.substring(0, fileName.length() - ".csv".length());
            if (!insurer.matches("\\d{6}")) {
                throw broken(file, 0, "file_name", "the file name must be the 6-digit 保険者番号 + .csv");
            }
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Findings findings = new Findings(file.toString());
                List<RegistryUnavailableException> rowProblems = new ArrayList<>(1);
                HeaderCheckedCsv.read(reader, "ELIG", HEADER, findings, (row, line) -> {
                    if (!rowProblems.isEmpty()) {
                        return;
                    }
                    try {
                        EligibilityRecord record = parse(file, insurer, row, line);
                        if (records.putIfAbsent(record.certificateSerial(), record) != null) {
                            rowProblems.add(broken(file, line, "certificate_serial", "this serial is listed a second time"));
                        }
                    } catch (RegistryUnavailableException rowProblem) {
                        rowProblems.add(rowProblem);
                    }
                });
                // The shared reader's findings never quote a value, so their text may go into this logged message.
                Optional<Finding> problem = findings.firstError();
                if (problem.isPresent()) {
                    throw broken(file, problem.get().line(), "", problem.get().messageEn());
                }
                if (!rowProblems.isEmpty()) {
                    throw rowProblems.get(0);
                }
            } catch (IOException | RuntimeException unreadable) {
                throw new RegistryUnavailableException("cannot read eligibility file " + file + ": " + unreadable.getMessage(),
                        unreadable);
            }
        }
        return records;
    }

    private static EligibilityRecord parse(Path file, String insurer, CSVRecord row, long line)
            throws RegistryUnavailableException {
        String serial = CertificateSerials.normalize(row.get("certificate_serial"));
        if (serial == null) {
            throw broken(file, line, "certificate_serial", "not a hexadecimal serial");
        }
        String insurerNumber = row.get("insurer_number").strip();
        if (!insurerNumber.equals(insurer)) {
            throw broken(file, line, "insurer_number", "must be the file's 保険者番号 " + insurer);
        }
        String person = row.get("insured_person_number").strip();
        if (person.length() != 10 || !person.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            // Checked here, not only at landing: a registry row the pseudonym cannot take would fail every check of it.
            throw broken(file, line, "insured_person_number", "must be 10 printable ASCII characters");
        }
        String careLevel = row.get("care_level").strip();
        if (careLevel.isEmpty()) {
            throw broken(file, line, "care_level", "is empty");
        }
        LocalDate from = date(file, line, row, "certification_valid_from");
        LocalDate to = date(file, line, row, "certification_valid_to");
        if (to.isBefore(from)) {
            throw broken(file, line, "certification_valid_to", "is before certification_valid_from");
        }
        String ratio = row.get("copayment_ratio").strip();
        if (!ratio.matches("[123]")) {
            throw broken(file, line, "copayment_ratio", "must be 1, 2 or 3 (割)");
        }
        Set<String> offices = Arrays.stream(row.get("registered_offices").split(";"))
                .map(String::strip).filter(office -> !office.isEmpty()).collect(Collectors.toSet());
        if (!offices.stream().allMatch(OfficeNumber::isValid)) {
            throw broken(file, line, "registered_offices", "must be 10-digit 事業所番号 separated by ';'");
        }
        return new EligibilityRecord(serial, insurerNumber, person, careLevel, from, to, Integer.parseInt(ratio), offices);
    }

    private static LocalDate date(Path file, long line, CSVRecord row, String column) throws RegistryUnavailableException {
        try {
            return LocalDate.parse(row.get(column).strip());
        } catch (DateTimeParseException notADate) {
            throw broken(file, line, column, "must be a date YYYY-MM-DD");
        }
    }

    /** The message names the place, never the value (which may be a 被保険者番号). */
    private static RegistryUnavailableException broken(Path file, long line, String column, String what) {
        return new RegistryUnavailableException("CARD-REG-002 " + file + " line " + line
                + (column.isEmpty() ? "" : " column " + column) + ": " + what);
    }
}
