package jp.renkei.ingest.reports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import jp.renkei.ingest.csv.BomSkippingReader;
import jp.renkei.ingest.finding.Findings;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The common frame of renkei's own CSV files (reports, rollout, card-check logs): UTF-8 (BOM optional, decoded by the
 * caller), RFC 4180, blank lines ignored, a header row that must match exactly, then one call per line with the right
 * number of fields.
 */
public final class ReportCsv {
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** Receives each data line whose field count matches the header. */
    public interface LineHandler {
        void line(CSVRecord record, long line);
    }

    private ReportCsv() {
    }

    /** Reads the lines; header, field-count and CSV problems become {@code <prefix>-HEADER/FIELDS/CSV-001} errors. */
    public static void read(Reader reader, String prefix, List<String> header, Findings findings, LineHandler handler)
            throws IOException {
        try (CSVParser parser = FORMAT.parse(new BomSkippingReader(reader))) {
            boolean first = true;
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (first) {
                    first = false;
                    if (!record.toList().equals(header)) {
                        findings.error(prefix + "-HEADER-001", line, 0, "", "見出し行は " + header + " である必要があります",
                                "the header must be " + header + "; found " + record.toList());
                        return;
                    }
                } else if (record.size() != header.size()) {
                    findings.error(prefix + "-FIELDS-001", line, 0, "", header.size() + "項目必要ですが " + record.size() + "項目です",
                            "expected " + header.size() + " fields, found " + record.size());
                } else {
                    handler.line(record, line);
                }
            }
            if (first) {
                findings.error(prefix + "-HEADER-001", 0, 0, "", "ファイルが空です。見出し行 " + header + " が必要です",
                        "the file is empty; it needs the header " + header);
            }
        } catch (IllegalStateException | UncheckedIOException malformed) {
            if (malformed.getCause() instanceof CharacterCodingException undecodable) {
                throw undecodable; // a charset problem, not bad CSV: the caller chose the charset and reports it
            }
            findings.error(prefix + "-CSV-001", 0, 0, "", "CSVとして読めません: " + malformed.getMessage(),
                    "not valid CSV: " + malformed.getMessage());
        }
    }

    /** A real month written {@code YYYY-MM}, or null. */
    public static java.time.YearMonth month(String value) {
        if (value.matches("\\d{4}-\\d{2}")) {
            int number = Integer.parseInt(value.substring(5));
            if (number >= 1 && number <= 12) {
                return java.time.YearMonth.of(Integer.parseInt(value.substring(0, 4)), number);
            }
        }
        return null;
    }
}
