package jp.renkei.ingest.standard;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import jp.renkei.ingest.finding.Findings;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a standard file: checks its name, decodes MS932 strictly (an undecodable byte is an error, never a silent
 * replacement), parses RFC 4180 with quoted commas and line breaks, and validates each record against its layout.
 */
public final class StandardFileReader {
    /** The standard says Shift-JIS; Windows-31J is the MS932 table that keeps ～ and ① intact. */
    public static final Charset MS932 = Charset.forName("windows-31j");

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    public StandardFile read(String fileName, byte[] content) {
        Findings findings = new Findings(fileName);
        Optional<StandardFileName> name = parseName(fileName, findings);
        if (content.length == 0) {
            findings.error("STD-FILE-001", 0, 0, "", "ファイルが空です", "the file is empty");
            return new StandardFile(name, Optional.empty(), List.of(), List.of(), findings);
        }
        String text = decode(content, findings);
        if (text == null) {
            return new StandardFile(name, Optional.empty(), List.of(), List.of(), findings);
        }
        List<StandardFile.RawRecord> records = parseRecords(text, findings);
        Optional<CsvVersion> version = checkVersions(records, findings);
        List<ScheduleRecord> scheduleRecords = new ArrayList<>();
        if (name.isPresent() && version.isPresent()) {
            checkFieldCounts(name.get().kind(), version.get(), records, findings);
            if (!findings.hasErrors()) {
                checkContent(name.get(), version.get(), records, findings, scheduleRecords);
            }
        }
        return new StandardFile(name, version, records, findings.hasErrors() ? List.of() : scheduleRecords, findings);
    }

    private static Optional<StandardFileName> parseName(String fileName, Findings findings) {
        try {
            return Optional.of(StandardFileName.parse(fileName));
        } catch (InvalidFileNameException invalid) {
            findings.add(invalid.finding());
            return Optional.empty();
        }
    }

    /** Decodes MS932; on a byte-order mark or the first bad byte records the line it is on and returns null. */
    private static String decode(byte[] content, Findings findings) {
        // Checked on the bytes: MS932 cannot decode EF BB BF, so after decoding a BOM would only be "a bad byte".
        if (content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB && content[2] == (byte) 0xBF) {
            findings.error("STD-ENC-002", 1, 0, "", "先頭にBOMがあります。MS932のファイルにBOMは付けません",
                    "the file starts with a byte-order mark; MS932 files have none (was it saved as UTF-8?)");
            return null;
        }
        CharsetDecoder decoder = MS932.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(content);
        CharBuffer output = CharBuffer.allocate(content.length + 1);
        CoderResult result = decoder.decode(input, output, true);
        if (result.isError()) {
            int offset = input.position();
            long line = 1;
            for (int i = 0; i < offset; i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            findings.error("STD-ENC-001", line, 0, "",
                    "MS932(Shift_JIS)として読めないバイト(位置 " + offset + ")があります。MS932で保存し直してください",
                    "bytes at offset " + offset + " are not valid MS932 (Shift_JIS); save the file as MS932");
            return null;
        }
        decoder.flush(output);
        output.flip();
        return output.toString();
    }

    private static List<StandardFile.RawRecord> parseRecords(String text, Findings findings) {
        int[] lineStarts = lineStarts(text);
        List<StandardFile.RawRecord> records = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                long line = lineOf(lineStarts, record.getCharacterPosition());
                records.add(new StandardFile.RawRecord(line, record.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            long line = records.isEmpty() ? 1 : records.get(records.size() - 1).line() + 1;
            findings.error("STD-CSV-001", line, 0, "",
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
        for (StandardFile.RawRecord record : records) {
            String value = record.fields().get(0);
            Optional<CsvVersion> version = CsvVersion.fromValue(value);
            if (version.isEmpty()) {
                findings.error("STD-VER-001", record.line(), 1, "CSVバージョン",
                        "CSVバージョン「" + value + "」は 202208(V3)・202504・202407(V4) のいずれでもありません",
                        "CSV version '" + value + "' is none of 202208 (V3), 202504, 202407 (V4)");
            } else if (first.isEmpty()) {
                first = version;
            } else if (first.get() != version.get()) {
                findings.error("STD-VER-002", record.line(), 1, "CSVバージョン",
                        "1つのファイルに異なるCSVバージョンが混在しています（" + first.get().value() + " と " + value + "）",
                        "one file mixes CSV versions " + first.get().value() + " and " + value);
            }
        }
        return findings.hasErrors() ? Optional.empty() : first;
    }

    private static void checkFieldCounts(FileKind kind, CsvVersion version, List<StandardFile.RawRecord> records,
            Findings findings) {
        int expected = kind.fieldCount(version);
        if (expected == 0) {
            findings.error("STD-VER-003", 0, 0, "", kind + " はV3にはありません", kind + " does not exist in V3");
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

    private static void checkContent(StandardFileName name, CsvVersion version, List<StandardFile.RawRecord> records,
            Findings findings, List<ScheduleRecord> scheduleRecords) {
        if (name.version4() != version.isVersion4()) {
            findings.error("STD-NAME-010", 0, 0, "ファイル名",
                    "ファイル名の形式(" + (name.version4() ? "V4" : "V3") + ")とCSVバージョン(" + version.value() + ")が一致しません",
                    "the name is a " + (name.version4() ? "V4" : "V3") + " name but the content is CSV version "
                            + version.value());
        }
        if (!name.kind().carriesScheduleLines()) {
            return;
        }
        ScheduleRecordParser parser = new ScheduleRecordParser(version, findings);
        YearMonth nameMonth = name.targetMonth().orElse(null);
        for (StandardFile.RawRecord record : records) {
            ScheduleRecord parsed = parser.parse(record.line(), record.fields());
            if (parsed == null) {
                continue;
            }
            if (!parsed.targetMonth().equals(nameMonth)) {
                findings.error("STD-NAME-011", record.line(), 5, "対象年月",
                        "対象年月 " + StandardValues.formatMonth(parsed.targetMonth()) + " がファイル名の対象年月と異なります",
                        "target month " + parsed.targetMonth() + " differs from the file name's " + nameMonth);
            }
            scheduleRecords.add(parsed);
        }
    }

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static long lineOf(int[] lineStarts, long characterPosition) {
        int index = Arrays.binarySearch(lineStarts, (int) characterPosition);
        return (index >= 0 ? index : -index - 2) + 1;
    }
}
