package jp.renkei.ingest.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import jp.renkei.ingest.finding.Findings;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * How renkei reads every CSV input of its own or of the reference data (office list, municipality master, license
 * roster, reports, rollout, card-check logs, eligibility lists, savings overrides): RFC 4180, BOM optional, blank lines
 * ignored, a first row that must be exactly the expected header, then one call per data line that has the header's
 * number of fields, its values reachable by position or by column name. Problems become findings with codes
 * {@code <prefix>-HEADER-001} (wrong or missing header), {@code <prefix>-FIELDS-001} (a line with another number of
 * fields) and {@code <prefix>-CSV-001} (not CSV), each with its line; a charset problem is thrown, since the caller
 * chose the charset and reports it. No finding quotes a value of the file (it may be a person's number).
 */
public final class HeaderCheckedCsv {
    /** For writing files that this class reads back: RFC 4180. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    /** Receives each data line whose field count matches the header. */
    public interface LineHandler {
        void line(CSVRecord record, long line);
    }

    private HeaderCheckedCsv() {
    }

    /** Reads the lines of {@code reader} (decoded by the caller), checking the header {@code header}. */
    public static void read(Reader reader, String prefix, List<String> header, Findings findings, LineHandler handler)
            throws IOException {
        CSVFormat named = FORMAT.builder().setHeader(header.toArray(String[]::new)).setSkipHeaderRecord(false)
                .setAllowMissingColumnNames(true).setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL).get();
        try (CSVParser parser = named.parse(new BomSkippingReader(reader))) {
            boolean first = true;
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (first) {
                    first = false;
                    if (!record.toList().equals(header)) {
                        headerMismatch(findings, prefix, header, record.toList(), line);
                        return;
                    }
                } else if (record.size() != header.size()) {
                    findings.error(prefix + "-FIELDS-001", line, 0, "", header.size() + "項目必要ですが " + record.size()
                            + "項目です", "expected " + header.size() + " fields, found " + record.size());
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
                throw undecodable;
            }
            findings.error(prefix + "-CSV-001", 0, 0, "", "CSVとして読めません: " + malformed.getMessage(),
                    "not valid CSV: " + malformed.getMessage());
        }
    }

    /**
     * Says how the first row differs from the header by count and position, never by its values: a file without a
     * header starts with data, which may be a person's 被保険者番号, and findings are logged and shown.
     */
    private static void headerMismatch(Findings findings, String prefix, List<String> header, List<String> found,
            long line) {
        int position = 0;
        while (position < Math.min(header.size(), found.size()) && header.get(position).equals(found.get(position))) {
            position++;
        }
        String where = position < header.size()
                ? (position + 1) + "項目目に「" + header.get(position) + "」が必要です"
                : (header.size() + 1) + "項目目以降は不要です";
        String whereEn = position < header.size()
                ? "field " + (position + 1) + " must be '" + header.get(position) + "'"
                : "there must be nothing after field " + header.size();
        findings.error(prefix + "-HEADER-001", line, position + 1, "",
                "見出し行は " + header + " である必要があります(1行目は" + found.size() + "項目、" + where + ")",
                "the header must be " + header + "; the first row has " + found.size() + " field(s) and " + whereEn);
    }
}
