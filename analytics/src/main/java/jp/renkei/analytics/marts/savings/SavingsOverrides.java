package jp.renkei.analytics.marts.savings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import jp.renkei.ingest.csv.HeaderCheckedCsv;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.Findings;
import org.apache.commons.csv.CSVRecord;

/**
 * An office's own values for the savings model, replacing the model's for that office only: its paper price, its
 * share of post against FAX, its staff's hourly cost, its 地域区分's yen per unit … Read from a UTF-8 CSV with the
 * header {@code office_number,parameter,value}; a parameter is a key of {@code savings-model.properties} except the
 * license (one national price). Every problem names its line; nothing is half-read.
 */
public record SavingsOverrides(SortedMap<String, SortedMap<String, Double>> byOffice) {

    /** The parameters an office may set for itself, as named in savings-model.properties. */
    public static final List<String> PARAMETERS = List.of("sheets.per.document", "paper.yen.per.sheet",
            "postage.yen.per.document", "mailed.share", "handling.minutes.per.document", "transcription.minutes.per.line",
            "staff.yen.per.hour", "yen.per.unit", "care.levels.1-2.share");
    private static final List<String> SHARES = List.of("mailed.share", "care.levels.1-2.share");
    private static final Pattern OFFICE = Pattern.compile("\\d{10}");
    private static final List<String> HEADER = List.of("office_number", "parameter", "value");

    public static final SavingsOverrides NONE = new SavingsOverrides(Collections.emptySortedMap());

    public static SavingsOverrides read(Path file) throws IOException {
        SortedMap<String, SortedMap<String, Double>> byOffice = new TreeMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Findings findings = new Findings(file.toString());
            Map<Long, CSVRecord> records = new LinkedHashMap<>();
            HeaderCheckedCsv.read(reader, "SAV", HEADER, findings, (record, line) -> records.put(line, record));
            Optional<Finding> broken = findings.firstError();
            if (broken.isPresent()) {
                throw problem(file, broken.get().line(), broken.get().messageEn());
            }
            for (Map.Entry<Long, CSVRecord> entry : records.entrySet()) {
                long line = entry.getKey();
                CSVRecord record = entry.getValue();
                String office = record.get("office_number").strip();
                String parameter = record.get("parameter").strip();
                String value = record.get("value").strip();
                if (!OFFICE.matcher(office).matches()) {
                    throw problem(file, line, "office_number must be 10 digits, not '" + office + "'");
                }
                if (!PARAMETERS.contains(parameter)) {
                    throw problem(file, line, "parameter '" + parameter + "' is not one an office may set; use one of "
                            + String.join(", ", PARAMETERS));
                }
                double number;
                try {
                    number = Double.parseDouble(value);
                } catch (NumberFormatException notNumber) {
                    throw problem(file, line, parameter + " must be a number, not '" + value + "'");
                }
                if (number < 0 || Double.isNaN(number) || Double.isInfinite(number)
                        || SHARES.contains(parameter) && number > 1) {
                    throw problem(file, line, parameter + " must be " + (SHARES.contains(parameter) ? "in [0, 1]" : "0 or more")
                            + ", not " + value);
                }
                if (byOffice.computeIfAbsent(office, ignored -> new TreeMap<>()).put(parameter, number) != null) {
                    throw problem(file, line, office + " sets " + parameter + " twice");
                }
            }
        }
        return new SavingsOverrides(Collections.unmodifiableSortedMap(byOffice));
    }

    private static IllegalArgumentException problem(Path file, long line, String what) {
        return new IllegalArgumentException(file + " line " + line + ": " + what);
    }

    public boolean isEmpty() {
        return byOffice.isEmpty();
    }

    /** The override columns' name for a parameter, e.g. {@code _override_mailed_share}. */
    static String column(String parameter) {
        return "_override_" + parameter.replace('.', '_').replace('-', '_');
    }

    Map<String, Double> of(String office) {
        return byOffice.getOrDefault(office, Collections.emptySortedMap());
    }

    /** Short and stable for the run manifest's request: how many offices, and a digest of every value. */
    @Override
    public String toString() {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(byOffice.toString().getBytes(StandardCharsets.UTF_8));
            return "SavingsOverrides[offices=" + byOffice.size() + ", sha256="
                    + java.util.HexFormat.of().formatHex(digest.digest()) + "]";
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java has SHA-256", impossible);
        }
    }
}
