package jp.renkei.ingest.standard;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.renkei.ingest.finding.Findings;

/**
 * Reads a standard file: checks its name, decodes MS932 strictly (an undecodable byte is an error, never a silent
 * replacement), parses RFC 4180 with quoted commas and line breaks, and validates each record against its kind's
 * layout and the content against the name. UTF-8 is read only by a reader built with {@code acceptUtf8} (the
 * caller's declaration) and only when the bytes are UTF-8; it is then a warning, not an error.
 */
public final class StandardFileReader {
    /** The standard says Shift-JIS; Windows-31J is the MS932 table that keeps ～ and ① intact. */
    public static final Charset MS932 = Charset.forName("windows-31j");

    private final boolean acceptUtf8;

    /** A reader of MS932 files only, as the standard says. */
    public StandardFileReader() {
        this(false);
    }

    /** @param acceptUtf8 the caller declares that UTF-8 input is expected; it is still detected, never assumed */
    public StandardFileReader(boolean acceptUtf8) {
        this.acceptUtf8 = acceptUtf8;
    }

    public StandardFile read(String fileName, byte[] content) {
        Findings findings = new Findings(fileName);
        Optional<StandardFileName> name = parseName(fileName, findings);
        if (content.length == 0) {
            findings.error("STD-FILE-001", 0, 0, "", "ファイルが空です", "the file is empty");
            return empty(name, findings);
        }
        if (name.isPresent() && name.get().kind().isImage()) {
            ImageCheck.check(content, findings);
            return empty(name, findings);
        }
        TextDecoder.Decoded decoded = TextDecoder.decode(content, acceptUtf8, findings);
        if (decoded == null) {
            return empty(name, findings);
        }
        List<StandardFile.RawRecord> records = parseRecords(decoded.text(), findings);
        TextDecoder.checkCharacters(decoded.text(), records, decoded.utf8(), findings);
        Optional<CsvVersion> version = checkVersions(records, findings);
        List<StandardRecord> typed = new ArrayList<>();
        if (name.isPresent() && version.isPresent()) {
            checkFieldCounts(name.get().kind(), version.get(), records, findings);
            if (!findings.hasErrors()) {
                typed = ContentReader.read(name.get(), version.get(), records, findings);
            }
        }
        if (findings.hasErrors()) {
            return new StandardFile(name, version, records, List.of(), List.of(), findings);
        }
        List<ScheduleRecord> schedule = typed.stream()
                .filter(ScheduleRecord.class::isInstance).map(ScheduleRecord.class::cast).toList();
        return new StandardFile(name, version, records, schedule, List.copyOf(typed), findings);
    }

    /**
     * Parse only, as the benchmark's stage (b) measures it: strict decoding and the RFC 4180 split into fields with
     * their line numbers — no name, version, layout or field checks. An undecodable or unreadable file gives no records.
     */
    public List<StandardFile.RawRecord> parseOnly(String fileName, byte[] content) {
        Findings findings = new Findings(fileName);
        TextDecoder.Decoded decoded = TextDecoder.decode(content, acceptUtf8, findings);
        return decoded == null ? List.of() : parseRecords(decoded.text(), findings);
    }

    private static StandardFile empty(Optional<StandardFileName> name, Findings findings) {
        return new StandardFile(name, Optional.empty(), List.of(), List.of(), List.of(), findings);
    }

    private static Optional<StandardFileName> parseName(String fileName, Findings findings) {
        try {
            return Optional.of(StandardFileName.parse(fileName));
        } catch (InvalidFileNameException invalid) {
            findings.add(invalid.finding());
            return Optional.empty();
        }
    }

    private static List<StandardFile.RawRecord> parseRecords(String text, Findings findings) {
        List<StandardFile.RawRecord> records = new ArrayList<>();
        try {
            RecordSplitter.split(text, records);
        } catch (RecordSplitter.MalformedException malformed) {
            findings.error("STD-CSV-001", malformed.line(), 0, "",
                    "CSVとして読めません（引用符の閉じ忘れなど）: " + malformed.getMessage(),
                    "not valid CSV (an unclosed quote?) at or after this line: " + malformed.getMessage());
        }
        if (records.isEmpty() && !findings.hasErrors()) {
            findings.error("STD-FILE-001", 0, 0, "", "レコードがありません", "the file has no records");
        }
        return records;
    }

    private static Optional<CsvVersion> checkVersions(List<StandardFile.RawRecord> records, Findings findings) {
        Optional<CsvVersion> first = Optional.empty();
        boolean bad = false;
        for (StandardFile.RawRecord record : records) {
            String value = record.fields().get(0);
            Optional<CsvVersion> version = CsvVersion.fromValue(value);
            if (version.isEmpty()) {
                bad = true;
                findings.error("STD-VER-001", record.line(), 1, "CSVバージョン",
                        "CSVバージョン「" + value + "」は 202208(V3)・202504・202407(V4) のいずれでもありません",
                        "CSV version '" + value + "' is none of 202208 (V3), 202504, 202407 (V4)");
            } else if (first.isEmpty()) {
                first = version;
            } else if (first.get() != version.get()) {
                bad = true;
                findings.error("STD-VER-002", record.line(), 1, "CSVバージョン",
                        "1つのファイルに異なるCSVバージョンが混在しています（" + first.get().value() + " と " + value + "）",
                        "one file mixes CSV versions " + first.get().value() + " and " + value);
            }
        }
        return bad ? Optional.empty() : first;
    }

    private static void checkFieldCounts(FileKind kind, CsvVersion version, List<StandardFile.RawRecord> records,
            Findings findings) {
        int expected = kind.fieldCount(version);
        if (expected == 0) {
            findings.error("STD-VER-003", 0, 0, "", kind + " はV3にはありません。CSVバージョン202407で作成してください",
                    kind + " does not exist in V3; write it as CSV version 202407");
            return;
        }
        for (StandardFile.RawRecord record : records) {
            if (record.fields().size() != expected) {
                findings.error("STD-FIELDS-001", record.line(), 0, "",
                        kind + "(" + version.value() + ")は" + expected + "項目ですが、" + record.fields().size() + "項目あります",
                        kind + " (" + version.value() + ") has " + expected + " fields; this record has "
                                + record.fields().size());
            }
        }
    }
}
