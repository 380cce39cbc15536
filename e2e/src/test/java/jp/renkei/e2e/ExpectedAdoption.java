package jp.renkei.e2e;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The adoption figures computed straight from the generator's raw files, without renkei's parsers, landing or Spark:
 * the yardstick the end-to-end test holds the API to. Its definitions are written out here on purpose, from
 * docs/marts.md, so a drift in the pipeline's code shows up as a difference.
 */
final class ExpectedAdoption {
    /** Service types in the standard's scope as the office list names them, plus 居宅介護支援 and 介護予防支援. */
    private static final Set<String> IN_SCOPE_TYPE_NAMES = Set.of("訪問介護", "訪問入浴介護", "訪問看護",
            "訪問リハビリテーション", "通所介護", "通所リハビリテーション", "福祉用具貸与", "短期入所生活介護", "居宅療養管理指導",
            "居宅介護支援", "介護予防支援", "小規模多機能型居宅介護", "地域密着型通所介護", "短期入所療養介護（介護老人保健施設）",
            "認知症対応型通所介護", "看護小規模多機能型居宅介護", "定期巡回・随時対応型訪問介護看護");

    record Figures(long inScope, long applied, long active) {
        Double applicationRate() {
            return inScope == 0 ? null : (double) applied / inScope;
        }

        Double activeRate() {
            return inScope == 0 ? null : (double) active / inScope;
        }
    }

    /** office number → municipality code, for in-scope offices. */
    private final Map<String, String> inScopeOffices = new HashMap<>();
    private final Map<String, LocalDate> appliedOn = new HashMap<>();
    private final Map<YearMonth, Set<String>> exchangingOffices = new HashMap<>();

    /** Reads the reference files, the outbox (for the relay) and the history archive (for the backfill). */
    ExpectedAdoption(Path officeList, Path roster, Path outbox, Path archive) throws IOException {
        for (CSVRecord line : csv(officeList)) {
            if (IN_SCOPE_TYPE_NAMES.contains(line.get(6))) {
                inScopeOffices.put(line.get(15), line.get(0));
            }
        }
        for (CSVRecord line : csv(roster)) {
            appliedOn.merge(line.get(0), LocalDate.parse(line.get(2)), (a, b) -> a.isBefore(b) ? a : b);
        }
        try (Stream<Path> files = Files.walk(outbox)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                exchanged(file.getFileName().toString());
            }
        }
        try (Stream<Path> archives = Files.list(archive)) {
            for (Path zip : archives.filter(file -> file.getFileName().toString().endsWith(".zip")).toList()) {
                try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
                    for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                        exchanged(entry.getName().substring(entry.getName().lastIndexOf('/') + 1));
                    }
                }
            }
        }
    }

    /** Both ends of a file named UPPLAN_202610_<sender>_<type>_<recipient>_<type>_<timestamp>.CSV are active. */
    private void exchanged(String fileName) {
        String[] parts = fileName.split("_");
        YearMonth month = YearMonth.of(Integer.parseInt(parts[1].substring(0, 4)), Integer.parseInt(parts[1].substring(4)));
        Set<String> offices = exchangingOffices.computeIfAbsent(month, ignored -> new HashSet<>());
        offices.add(parts[2]);
        offices.add(parts[4]);
    }

    Map<String, Figures> byMunicipality(YearMonth month) {
        Map<String, long[]> counts = new HashMap<>();
        Set<String> active = exchangingOffices.getOrDefault(month, Set.of());
        inScopeOffices.forEach((office, municipality) -> {
            long[] figures = counts.computeIfAbsent(municipality, ignored -> new long[3]);
            figures[0]++;
            LocalDate applied = appliedOn.get(office);
            if (applied != null && !applied.isAfter(month.atEndOfMonth())) {
                figures[1]++;
            }
            if (active.contains(office)) {
                figures[2]++;
            }
        });
        Map<String, Figures> result = new HashMap<>();
        counts.forEach((municipality, figures) -> result.put(municipality, new Figures(figures[0], figures[1], figures[2])));
        return result;
    }

    Set<YearMonth> monthsWithExchanges() {
        return exchangingOffices.keySet();
    }

    private static List<CSVRecord> csv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (Reader reader = new StringReader(text)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
