package jp.renkei.ingest.standard;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The malformed-file corpus under {@code src/test/resources/jp/renkei/ingest/standard/corpus/}: valid files from
 * {@link RandomRecords} and {@link ScheduleRecords} with one defect each, a few clean controls, and
 * {@code expected.csv} naming the finding codes each file must produce. Seeded, so {@link #write} gives the same
 * bytes every time; {@code MalformedCorpusTest} checks that the committed files are exactly these. To change the
 * corpus, edit {@link #cases()} and run {@link #main}.
 */
final class MalformedCorpus {
    /**
     * Rewrites the committed corpus after a change to {@link #cases()}; run from the ingest folder:
     * {@code java -cp target/test-classes:target/classes:$(cat target/runtime-classpath.txt) jp.renkei.ingest.standard.MalformedCorpus}.
     * {@code MalformedCorpusTest} then checks that the committed files are exactly what this writes.
     */
    public static void main(String[] arguments) throws java.io.IOException {
        java.nio.file.Path target = java.nio.file.Path.of(MalformedCorpusTest.SOURCE_FOLDER);
        if (java.nio.file.Files.exists(target)) {
            try (java.util.stream.Stream<java.nio.file.Path> old = java.nio.file.Files.walk(target)) {
                for (java.nio.file.Path path : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(path);
                }
            }
        }
        write(target);
    }

    /** Files the reader is told may be UTF-8 ({@code --utf8}) live in this subfolder. */
    static final String UTF8_FOLDER = "utf8";
    static final String MANIFEST = "expected.csv";

    /** One corpus file: its path under the corpus, the codes it must produce (empty for a control) and why. */
    record Case(String path, Set<String> codes, String defect, byte[] bytes) {
        boolean declaredUtf8() {
            return path.startsWith(UTF8_FOLDER + "/");
        }

        String fileName() {
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    private static final LocalDateTime FIRST_SENT_AT = LocalDateTime.of(2026, 10, 5, 9, 0, 0);
    private static final String CARE_MANAGER = ScheduleRecords.CARE_MANAGER;
    private static final String SERVICE_OFFICE = ScheduleRecords.SERVICE_OFFICE;
    private static final Charset MS932 = StandardFileReader.MS932;

    private final List<Case> cases = new ArrayList<>();
    private int sequence;

    private MalformedCorpus() {
    }

    static List<Case> cases() {
        MalformedCorpus corpus = new MalformedCorpus();
        corpus.fieldCounts();
        corpus.encodings();
        corpus.structure();
        corpus.versions();
        corpus.names();
        corpus.fieldValues();
        corpus.codeTables();
        corpus.benefitTotals();
        corpus.sendUnits();
        return List.copyOf(corpus.cases);
    }

    /** Writes every case and the manifest under {@code root}. */
    static void write(Path root) throws IOException {
        StringBuilder manifest = new StringBuilder("file,expected_codes,defect\n");
        for (Case item : cases()) {
            Path file = root.resolve(item.path());
            Files.createDirectories(file.getParent());
            Files.write(file, item.bytes(), StandardOpenOption.CREATE_NEW);
            manifest.append(item.path()).append(',').append(String.join(" ", item.codes())).append(',')
                    .append(item.defect()).append('\n');
        }
        Files.writeString(root.resolve(MANIFEST), manifest.toString(), StandardCharsets.UTF_8);
    }

    // ---- wrong field counts, one file per CSV kind -------------------------------------------------------------

    private void fieldCounts() {
        int seed = 100;
        for (FileKind kind : FileKind.values()) {
            if (kind.isImage()) {
                continue;
            }
            RandomRecords.Generated generated = new RandomRecords(seed++).file(kind, CsvVersion.V4_1);
            List<List<String>> rows = generated.rows();
            List<String> last = rows.get(rows.size() - 1);
            boolean drop = kind.ordinal() % 2 == 0;
            if (drop) {
                last.remove(last.size() - 1);
            } else {
                last.add("余分");
            }
            add(renamed(generated.name(), next()), rows, drop ? "last record one field short" : "last record one field too many",
                    "STD-FIELDS-001");
        }
    }

    // ---- encodings and bytes ---------------------------------------------------------------------------------

    private void encodings() {
        String text = new String(scheduleBytes(rows -> {
            for (int row = 0; row < rows.size(); row++) {
                set(rows, row, "プラン担当者名", "Kaigo Shienko");
                set(rows, row, "サービス事業所名", row == 0 ? "アイ" : "Aoba");
            }
        }), MS932);
        add(upplan(next()), text.getBytes(StandardCharsets.UTF_8),
                "UTF-8 without declaration whose bytes also decode as MS932 (アイ would read as 繧｢繧､)", "STD-ENC-001");
        add(upplan(next()), new String(scheduleBytes(rows -> { }), MS932).getBytes(StandardCharsets.UTF_8),
                "UTF-8 without declaration", "STD-ENC-001");
        add(upplan(next()), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, scheduleBytes(rows -> { })),
                "MS932 content behind a UTF-8 byte-order mark", "STD-ENC-002");
        add(upplan(next()), replace(scheduleBytes(rows -> set(rows, 1, "サービス事業所名", "あおば@@")), "@@",
                new byte[] {(byte) 0x82, (byte) 0x20}), "a lead byte followed by a space (not MS932)", "STD-ENC-001");
        add(upplan(next()), replace(scheduleBytes(rows -> set(rows, 2, "プラン担当者名", "介護@@")), "@@",
                new byte[] {(byte) 0xFF}), "byte FF (undefined in MS932)", "STD-ENC-001");
        add(upplan(next()), replace(scheduleBytes(rows -> set(rows, 1, "プラン担当者名", "支援@@")), "@@",
                new byte[] {(byte) 0xF0, (byte) 0x40}), "MS932 外字 F040 (private use U+E000)", "STD-ENC-003");
        String jis = new String(scheduleBytes(rows -> set(rows, 0, "サービス事業所名", "ヘルパー～ステーション－東")), MS932)
                .replace('～', '〜').replace('－', '−');
        add(upplan(next()), jis.getBytes(Charset.forName("Shift_JIS")),
                "control: encoded with the JIS table (〜 U+301C, − U+2212) — the same bytes as MS932 ～ and －");
        add(upplan(next()), scheduleBytes(rows -> set(rows, 0, "サービス事業所名", "①㈱髙﨑ｶﾅ～∵№Ⅱ")),
                "control: MS932 extensions (NEC and IBM rows, half-width kana)");
        add(UTF8_FOLDER + "/" + upplan(next()), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                new String(scheduleBytes(rows -> { }), MS932).getBytes(StandardCharsets.UTF_8)),
                "declared and detected UTF-8 with BOM: read, with a warning", "STD-ENC-004");
        add(UTF8_FOLDER + "/" + upplan(next()), jis.getBytes(StandardCharsets.UTF_8),
                "declared UTF-8 holding JIS-table characters (〜 U+301C, − U+2212) that MS932 does not have",
                "STD-ENC-003", "STD-ENC-004");
        add(UTF8_FOLDER + "/" + upplan(next()), replace(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                new String(scheduleBytes(rows -> set(rows, 0, "プラン担当者名", "介護@@"))
                        , MS932).getBytes(StandardCharsets.UTF_8)), "@@", new byte[] {(byte) 0xE3, (byte) 0x81}),
                "declared UTF-8 with a truncated sequence E3 81", "STD-ENC-001");
        add(UTF8_FOLDER + "/" + upplan(next()), scheduleBytes(rows -> { }),
                "control: declared UTF-8 but the file is MS932 (read as MS932, no warning)");
    }

    // ---- CSV structure, empty files, junk, truncation, line ends ----------------------------------------------

    private void structure() {
        add(upplan(next()), new byte[0], "empty file", "STD-FILE-001");
        add(upplan(next()), "\r\n\r\n\r\n".getBytes(StandardCharsets.US_ASCII), "only empty lines", "STD-FILE-001");
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        add(upplan(next()), junk, "4 KB of random bytes", "STD-ENC-001");
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0};
        add(upplan(next()), concat(jpeg, scheduleBytes(rows -> { })), "a JPEG header in front of the CSV",
                "STD-ENC-001");
        add(image(next(), "0001"), "202407,312017\r\n".getBytes(StandardCharsets.US_ASCII),
                "UPKIHON_IMAGE holding CSV text instead of a JPEG", "STD-IMG-001");
        add(image(next(), "0002"), new byte[0], "empty UPKIHON_IMAGE", "STD-FILE-001");
        add(image(next(), "0003"), concat(jpeg, new byte[] {(byte) 0xFF, (byte) 0xD9}),
                "UPKIHON_IMAGE of a JPEG header and end marker only", "STD-IMG-003");
        add(image(next(), "0004"), Jpegs.of(32, 24), "control: UPKIHON_IMAGE that is a whole JPEG");
        add(upplan(next()), replace(scheduleBytes(rows -> set(rows, 1, "サービス事業所名", "あおば@@")), "@@",
                "\"ステーション".getBytes(MS932)), "a field opened with a quote mid-value (read literally: fine)");
        byte[] quoted = scheduleBytes(rows -> set(rows, 2, "サービス事業所名", "あおば,ステーション"));
        add(upplan(next()), Arrays.copyOf(quoted, indexOf(quoted, "あおば,".getBytes(MS932), 0) + 4),
                "truncated inside a quoted field (unclosed quote at end of file)", "STD-CSV-001");
        add(upplan(next()), concat(scheduleBytes(rows -> { }),
                "202407,312017,0123456789,\"20261001,202610\r\n".getBytes(StandardCharsets.US_ASCII)),
                "unclosed quote in the last record", "STD-CSV-001");
        byte[] plain = scheduleBytes(rows -> { });
        add(upplan(next()), Arrays.copyOf(plain, indexOf(plain, ",0900,".getBytes(MS932), 2) + 5),
                "last line truncated after サービス開始時刻", "STD-FIELDS-001");
        byte[] kanji = scheduleBytes(rows -> { });
        int cut = indexOf(kanji, "あおば".getBytes(MS932), 2);
        add(upplan(next()), Arrays.copyOf(kanji, cut + 3), "file cut in the middle of a double-byte character",
                "STD-ENC-001");
        byte[] mixed = scheduleBytes(rows -> { });
        int firstBreak = indexOf(mixed, "\r\n".getBytes(MS932), 0);
        byte[] lfMixed = concat(Arrays.copyOf(mixed, firstBreak), Arrays.copyOfRange(mixed, firstBreak + 1, mixed.length));
        add(upplan(next()), lfMixed, "control: first line ends LF, the others CRLF");
        add(upplan(next()), new String(plain, MS932).replace("\r\n", "\n").getBytes(MS932),
                "control: LF line ends throughout");
        add(upplan(next()), Arrays.copyOf(plain, plain.length - 2), "control: no line break after the last record");
    }

    // ---- CSV versions --------------------------------------------------------------------------------------

    private void versions() {
        add(upplan(next()), scheduleBytes(rows -> set(rows, 1, "CSVバージョン", "202301")), "unknown CSV version 202301",
                "STD-VER-001");
        add(upplan(next()), scheduleBytes(rows -> set(rows, 2, "CSVバージョン", "202504")),
                "two V4 versions (202407 and 202504) in one file", "STD-VER-002");
        List<List<String>> mixed = ScheduleRecords.fields(ScheduleRecords.records(CsvVersion.V4_1, 2));
        mixed.addAll(ScheduleRecords.fields(List.of(ScheduleRecords.record(CsvVersion.V3, 3))));
        add(upplan(next()), mixed, "a V3 line (22 fields) after V4 lines", "STD-VER-002");
        StandardFileName v3Name = name(FileKind.UPPLAN, Optional.of(ScheduleRecords.TARGET_MONTH), CARE_MANAGER,
                SERVICE_OFFICE, next(), false);
        add(v3Name.format(), scheduleBytes(rows -> { }), "V3 name with V4 content", "STD-NAME-010");
        add(upplan(next()), ScheduleRecords.fields(ScheduleRecords.records(CsvVersion.V3, 2)),
                "V4 name with V3 content", "STD-NAME-010");
        List<List<String>> v3Wide = ScheduleRecords.fields(ScheduleRecords.records(CsvVersion.V4_1, 2));
        v3Wide.forEach(row -> row.set(0, CsvVersion.V3.value()));
        add(renamed(v3Name, next()), v3Wide, "V3 version in column 1 but V4's 25 fields",
                "STD-FIELDS-001");
        RandomRecords.Generated weekly = new RandomRecords(201).file(FileKind.UP3KYO, CsvVersion.V4_1);
        List<List<String>> weeklyRows = weekly.rows();
        weeklyRows.forEach(row -> row.set(0, CsvVersion.V3.value()));
        add(name(FileKind.UP3KYO, Optional.empty(), CARE_MANAGER, SERVICE_OFFICE, next(), false).format(), weeklyRows,
                "UP3KYO as V3 (the kind does not exist in V3)", "STD-VER-003");
        RandomRecords.Generated basic = new RandomRecords(202).file(FileKind.UPKIHON, CsvVersion.V4_1);
        List<List<String>> basicRows = basic.rows();
        basicRows.forEach(row -> row.set(0, CsvVersion.V3.value()));
        add(name(FileKind.UPKIHON, Optional.empty(), CARE_MANAGER, SERVICE_OFFICE, next(), false).format(), basicRows,
                "UPKIHON as V3 (介護予防 kinds do not exist in V3)", "STD-VER-003");
    }

    // ---- names, and names against content --------------------------------------------------------------------

    private void names() {
        byte[] plan = scheduleBytes(rows -> { });
        add(name(FileKind.UPPLAN, Optional.of(YearMonth.of(2026, 11)), CARE_MANAGER, SERVICE_OFFICE, next(), true).format(),
                plan, "name month 202611, records 202610", "STD-NAME-011");
        add(name(FileKind.UPPLAN, Optional.of(ScheduleRecords.TARGET_MONTH), CARE_MANAGER, "3170100037", next(), true)
                .format(), plan, "UPPLAN addressed to an office with no line in the plan", "STD-NAME-012");
        List<List<String>> actuals = ScheduleRecords.fields(ScheduleRecords.records(CsvVersion.V4_1, 3));
        add(name(FileKind.UPJSK, Optional.of(ScheduleRecords.TARGET_MONTH), "3170100037", CARE_MANAGER, next(), true)
                .format(), actuals, "UPJSK sent by an office other than the one on its lines", "STD-NAME-013");
        add(name(FileKind.UPJSK, Optional.of(ScheduleRecords.TARGET_MONTH), SERVICE_OFFICE, CARE_MANAGER, next(), true)
                .format(), actuals, "control: UPJSK from the office on its lines");
        RandomRecords.Generated deletes = new RandomRecords(301).file(FileKind.DLTJSK, CsvVersion.V4_1);
        List<List<String>> deleteRows = deletes.rows();
        set(deleteRows, 0, FileKind.DLTJSK, "サービス事業者コード", "3170100037");
        add(renamed(deletes.name(), next()), deleteRows, "DLTJSK line of an office other than the sender",
                "STD-NAME-013");
        RandomRecords.Generated planDeletes = new RandomRecords(302).file(FileKind.DLTPLAN, CsvVersion.V4_1);
        StandardFileName planDeleteName = planDeletes.name();
        add(new StandardFileName(FileKind.DLTPLAN, Optional.of(planDeleteName.targetMonth().orElseThrow().plusMonths(1)),
                planDeleteName.senderOffice(), "43", planDeleteName.recipientOffice(), "11", at(next()), true).format(),
                planDeletes.rows(), "DLTPLAN name month one after the records' 削除対象年月", "STD-NAME-011");
        String v4 = "_3170100011_43_3170100029_11_";
        add("UPPLAN_202613" + v4 + stamp(next()) + ".CSV", plan, "name month 202613", "STD-NAME-004");
        add("UPPLAN_202610" + v4 + "20260230090000.CSV", plan, "name timestamp 2026-02-30", "STD-NAME-005");
        add("UPPLAN_202610_4870100011_43_3170100029_11_" + stamp(next()) + ".CSV", plan,
                "sender office number with prefecture 48", "STD-NAME-006");
        add("UPPLAN_202610_3170100011_43_317010002_11_" + stamp(next()) + ".CSV", plan,
                "recipient office number of 9 digits", "STD-NAME-002");
        add("UPPLAN_202610_3170100011_43_0070100029_11_" + stamp(next()) + ".CSV", plan,
                "recipient office number with prefecture 00", "STD-NAME-006");
        add("UPFOO_202610" + v4 + stamp(next()) + ".CSV", plan, "unknown kind UPFOO", "STD-NAME-003");
        add("plan-october.csv", plan, "not a standard name at all", "STD-NAME-002");
        add("UP1KYO_202610" + v4 + stamp(next()) + ".CSV", plan, "UP1KYO name with a month", "STD-NAME-004");
        add("DLTPLAN_000000" + v4 + stamp(next()) + ".CSV", plan, "DLTPLAN name month 000000", "STD-NAME-004");
        add("UPPLAN_202610" + v4 + stamp(next()) + "_0001.jpg", plan, "UPPLAN with an image branch and .jpg",
                "STD-NAME-007");
        add("UPPLAN_202610" + v4 + stamp(next()) + ".TXT", plan, "extension .TXT", "STD-NAME-002");
        RandomRecords.Generated benefits = new RandomRecords(303).file(FileKind.UPSIKYU, CsvVersion.V4_1);
        StandardFileName benefitName = benefits.name();
        add(new StandardFileName(FileKind.UPSIKYU, Optional.of(benefitName.targetMonth().orElseThrow().minusMonths(1)),
                benefitName.senderOffice(), "43", benefitName.recipientOffice(), "11", at(next()), true).format(),
                benefits.rows(), "UPSIKYU name month one before the records' 対象年月", "STD-NAME-011");
    }

    // ---- field values (第6表 from ScheduleRecords, others from RandomRecords) -----------------------------------

    private void fieldValues() {
        schedule("作成年月日 20260230", "STD-DATE-001", rows -> set(rows, 0, "作成年月日", "20260230"));
        schedule("対象年月 202613", "STD-DATE-002", rows -> set(rows, 1, "対象年月", "202613"));
        schedule("サービス利用日 in the next month", "STD-DATE-003", rows -> set(rows, 2, "サービス利用日", "20261101"));
        schedule("サービス利用日 20261032", "STD-DATE-001", rows -> set(rows, 2, "サービス利用日", "20261032"));
        schedule("サービス開始時刻 2400", "STD-TIME-001", rows -> set(rows, 0, "サービス開始時刻", "2400"));
        schedule("サービス終了時刻 0960", "STD-TIME-001", rows -> set(rows, 1, "サービス終了時刻", "0960"));
        schedule("サービス開始時刻 9:00", "STD-TIME-001", rows -> set(rows, 2, "サービス開始時刻", "9:00"));
        schedule("control: サービス開始・終了時刻 9999 (no time)", null, rows -> {
            set(rows, 0, "サービス開始時刻", "9999");
            set(rows, 0, "サービス終了時刻", "9999");
        });
        schedule("被保険者番号 of 11 digits", "STD-FORMAT-002", rows -> set(rows, 0, "被保険者番号", "01234567890"));
        schedule("被保険者番号 H + 8 digits", "STD-FORMAT-002", rows -> set(rows, 1, "被保険者番号", "H12345678"));
        schedule("control: 被保険者番号 H + 9 digits (生保単独)", null, rows -> set(rows, 1, "被保険者番号", "H123456789"));
        schedule("保険者番号 of 5 digits", "STD-FORMAT-001", rows -> set(rows, 0, "保険者番号", "31201"));
        schedule("保険者番号 with a letter", "STD-FORMAT-001", rows -> set(rows, 0, "保険者番号", "31201X"));
        schedule("サービス事業者コード with prefecture 48", "STD-OFFICE-001",
                rows -> set(rows, 1, "サービス事業者コード", "4870100029"));
        schedule("プラン担当業者コード of 9 digits", "STD-OFFICE-001", rows -> set(rows, 0, "プラン担当業者コード", "317010001"));
        schedule("サービスコード of 5 characters", "STD-FORMAT-005", rows -> set(rows, 0, "サービスコード", "11121"));
        schedule("サービスコード with a lower-case letter", "STD-FORMAT-005", rows -> set(rows, 0, "サービスコード", "11a211"));
        schedule("サービスコード empty (required)", "STD-REQ-001", rows -> set(rows, 1, "サービスコード", ""));
        schedule("サービス回数 with a letter O", "STD-FORMAT-003", rows -> set(rows, 0, "サービス回数", "1O"));
        schedule("単位数 of 7 digits", "STD-FORMAT-003", rows -> set(rows, 0, "単位数", "1234567"));
        schedule("日割対象日 of 30 characters", "STD-FORMAT-004", rows -> set(rows, 0, "日割対象日", "1".repeat(30)));
        schedule("日割対象日 with a 2", "STD-FORMAT-004", rows -> set(rows, 0, "日割対象日", "2" + "0".repeat(30)));
        schedule("サテライト枝番 of 3 characters (oversized)", "STD-LENGTH-001", rows -> set(rows, 0, "サテライト枝番", "123"));
        schedule("TAISコード of 13 characters (oversized)", "STD-LENGTH-001",
                rows -> set(rows, 0, "TAISコード", "0012345-00001"));
        schedule("30日超区分 2", "STD-CODE-001", rows -> set(rows, 2, "30日超区分", "2"));
        schedule("サービス種類 32 (out of the standard's scope): a warning, the file is accepted", "STD-SCOPE-001",
                rows -> set(rows, 0, "サービスコード", "321111"));
        random(FileKind.UPSIKYU, 401, "入力者コード of 11 characters (oversized)", "STD-LENGTH-001",
                rows -> setAll(rows, FileKind.UPSIKYU, "入力者コード", "ABCDEFGHIJK"));
        random(FileKind.UPKIHON, 402, "利用者電話番号 of 16 characters (oversized)", "STD-LENGTH-001",
                rows -> set(rows, 0, FileKind.UPKIHON, "利用者電話番号", "0852-12-3456-789"));
        random(FileKind.UP1KYO, 403, "介護支援事業者コード of 9 digits", "STD-OFFICE-001",
                rows -> set(rows, 0, FileKind.UP1KYO, "介護支援事業者コード", "317010001"));
        random(FileKind.UP1KYO, 404, "被保険者番号 H + 8 digits", "STD-FORMAT-002",
                rows -> set(rows, 0, FileKind.UP1KYO, "被保険者番号", "H12345678"));
        random(FileKind.UP2KYO, 405, "居宅サービス計画作成(変更)日 20261301", "STD-DATE-001",
                rows -> set(rows, 0, FileKind.UP2KYO, "居宅サービス計画作成(変更)日", "20261301"));
        random(FileKind.UP2KYO, 406, "課題NO 0", "STD-RANGE-001", rows -> set(rows, 0, FileKind.UP2KYO, "課題NO", "0"));
        random(FileKind.UPKIHON, 407, "相談日 20250229 (2025 is not a leap year)", "STD-DATE-001",
                rows -> set(rows, 0, FileKind.UPKIHON, "相談日", "20250229"));
        random(FileKind.UP3KYO, 408, "開始時間 25:00", "STD-TIME-001",
                rows -> set(rows, 0, FileKind.UP3KYO, "開始時間", "25:00"));
        random(FileKind.DLT1KYO, 409, "保険者番号 of 7 digits", "STD-FORMAT-001",
                rows -> set(rows, 0, FileKind.DLT1KYO, "保険者番号", "3120171"));
        random(FileKind.UPHOSOKU, 410, "利用者補足情報 tied to both 1表 and 6表 (neither zero)", "STD-KEY-002", rows -> {
            set(rows, 0, FileKind.UPHOSOKU, "居宅サービス計画作成(変更)日", "20260901");
            set(rows, 0, FileKind.UPHOSOKU, "対象年月", "202610");
        });
    }

    // ---- code tables --------------------------------------------------------------------------------------

    private void codeTables() {
        random(FileKind.UP1KYO, 501, "計画書区分 99", "STD-CODE-002", rows -> set(rows, 0, FileKind.UP1KYO, "計画書区分", "99"));
        random(FileKind.UP1KYO, 502, "認定状況区分 3", "STD-CODE-003", rows -> set(rows, 0, FileKind.UP1KYO, "認定状況区分", "3"));
        random(FileKind.UP1KYO, 503, "要介護状態区分 26", "STD-CODE-004",
                rows -> set(rows, 0, FileKind.UP1KYO, "要介護状態区分", "26"));
        random(FileKind.UP2KYO, 504, "保険対象区分 X", "STD-CODE-005", rows -> set(rows, 0, FileKind.UP2KYO, "保険対象区分", "X"));
        random(FileKind.UP1KYO, 505, "生活援助中心型の算定理由 4", "STD-CODE-006",
                rows -> set(rows, 0, FileKind.UP1KYO, "生活援助中心型の算定理由", "4"));
        random(FileKind.UPHOSOKU, 506, "利用者性別 3", "STD-CODE-007", rows -> set(rows, 0, FileKind.UPHOSOKU, "利用者性別", "3"));
        random(FileKind.UP3KYO, 507, "曜日 8", "STD-CODE-008", rows -> set(rows, 0, FileKind.UP3KYO, "曜日", "8"));
        random(FileKind.UPKIHON, 508, "計画種類 3", "STD-CODE-009", rows -> set(rows, 0, FileKind.UPKIHON, "計画種類", "3"));
        random(FileKind.UPYOBO, 509, "要支援状態区分 4", "STD-CODE-021", rows -> set(rows, 0, FileKind.UPYOBO, "要支援状態区分", "4"));
        random(FileKind.UPKIHON_SUB2, 510, "経過 04", "STD-CODE-024", rows -> set(rows, 0, FileKind.UPKIHON_SUB2, "経過", "04"));
        random(FileKind.UPYOBO, 511, "計画種類 0", "STD-CODE-009", rows -> set(rows, 0, FileKind.UPYOBO, "計画種類", "0"));
        random(FileKind.UP1KYO, 512, "要介護状態区分 written as 1 instead of 21", "STD-CODE-004",
                rows -> set(rows, 0, FileKind.UP1KYO, "要介護状態区分", "1"));
    }

    // ---- 第7表 subtotal and total rows -----------------------------------------------------------------------

    private void benefitTotals() {
        benefit("11AAAA subtotal 299, details sum to 300", "STD-TOTAL-004", 299, 0, 300, true, false);
        benefit("grand total 301, details sum to 300", "STD-TOTAL-005", 300, 0, 301, true, false);
        benefit("no grand-total row", "STD-TOTAL-001", 300, 0, -1, true, false);
        benefit("two 11 lines and no 11AAAA subtotal", "STD-TOTAL-003", -1, 0, 300, true, false);
        benefit("subtotal row with 単位数 5", "STD-TOTAL-006", 300, 5, 300, true, false);
        benefit("grand total on a real office, not 9999999999", "STD-TOTAL-002", 300, 0, 300, false, false);
        benefit("detail line on office 9999999999", "STD-TOTAL-007", 300, 0, 300, true, true);
    }

    // ---- send units --------------------------------------------------------------------------------------

    private void sendUnits() {
        RandomRecords.Generated orphan = new RandomRecords(601).file(FileKind.UP2KYO, CsvVersion.V4_1);
        add(renamed(orphan.name(), next()), orphan.rows(), "UP2KYO without its 1表 in the send unit", "STD-KEY-001");
        RandomRecords.Generated slots = new RandomRecords(602).file(FileKind.UPKIHON_SUB1, CsvVersion.V4_1);
        add(renamed(slots.name(), next()), slots.rows(), "UPKIHON_SUB1 without its UPKIHON", "STD-KEY-001");
        RandomRecords.Generated support = new RandomRecords(603).file(FileKind.UPYOBO_SUB, CsvVersion.V4_1);
        add(renamed(support.name(), next()), support.rows(), "UPYOBO_SUB without its UPYOBO", "STD-KEY-001");
        RandomRecords.Generated history = new RandomRecords(604).file(FileKind.UPKIHON_SUB2, CsvVersion.V4_1);
        add(renamed(history.name(), next()), history.rows(), "UPKIHON_SUB2 without its UPKIHON", "STD-KEY-001");

        int benefitOnly = next();
        add(name(FileKind.UPSIKYU, Optional.of(ScheduleRecords.TARGET_MONTH), CARE_MANAGER, SERVICE_OFFICE, benefitOnly,
                true).format(), benefitRows(300, 0, 300, true, false), "第7表 without its 第6表 in the send unit",
                "STD-KEY-001");
        int withPlan = next();
        add(name(FileKind.UPSIKYU, Optional.of(ScheduleRecords.TARGET_MONTH), CARE_MANAGER, SERVICE_OFFICE, withPlan,
                true).format(), benefitRows(300, 0, 300, true, false), "control: 第7表 sent with its 第6表");
        add(name(FileKind.UPPLAN, Optional.of(ScheduleRecords.TARGET_MONTH), CARE_MANAGER, SERVICE_OFFICE, withPlan, true)
                .format(), scheduleBytes(rows -> { }), "control: the 第6表 of the 第7表 beside it");

        RandomRecords random = new RandomRecords(605);
        RandomRecords.Generated table1 = random.file(FileKind.UP1KYO, CsvVersion.V4_1);
        RandomRecords.Generated table2 = random.file(FileKind.UP2KYO, CsvVersion.V4_1);
        List<String> parent = table1.rows().get(0);
        String changedOn = parent.get(column(FileKind.UP1KYO, "居宅サービス計画作成(変更)日"));
        List<List<String>> matching = table2.rows();
        for (List<String> row : matching) {
            row.set(1, parent.get(1));
            row.set(2, parent.get(2));
            row.set(column(FileKind.UP2KYO, "居宅サービス計画作成(変更)日"), changedOn);
        }
        int pair = next();
        add(renamed(table1.name(), pair), table1.rows(), "control: 1表 with its 2表 in the same send unit");
        add(renamedLike(table2.name(), table1.name(), pair), matching, "control: 2表 whose 1表 is in the send unit");
        int stale = next();
        List<List<String>> otherDate = table2.rows();
        for (List<String> row : otherDate) {
            row.set(1, parent.get(1));
            row.set(2, parent.get(2));
            row.set(column(FileKind.UP2KYO, "居宅サービス計画作成(変更)日"), "20200101");
        }
        add(renamed(table1.name(), stale), table1.rows(), "control: 1表 sent with a 2表 of another plan date");
        add(renamedLike(table2.name(), table1.name(), stale), otherDate,
                "2表 whose 1表 in the unit has another 居宅サービス計画作成(変更)日", "STD-KEY-001");
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void schedule(String defect, String code, Consumer<List<List<String>>> change) {
        String name = upplan(next());
        if (code == null) {
            add(name, scheduleBytes(change), defect);
        } else {
            add(name, scheduleBytes(change), defect, code);
        }
    }

    private void random(FileKind kind, long seed, String defect, String code, Consumer<List<List<String>>> change) {
        RandomRecords.Generated generated = new RandomRecords(seed).file(kind, CsvVersion.V4_1);
        List<List<String>> rows = generated.rows();
        change.accept(rows);
        add(renamed(generated.name(), next()), rows, defect, code);
    }

    /**
     * One person's 第7表 (the person of {@link ScheduleRecords}): two 11 detail lines of 100 and 200 units, an
     * 11AAAA subtotal (left out when {@code subtotal} is negative), the grand total (left out when negative).
     */
    private void benefit(String defect, String code, int subtotal, int subtotalUnitCount, int grandTotal,
            boolean grandOnAll9, boolean detailOnAll9) {
        String name = name(FileKind.UPSIKYU, Optional.of(ScheduleRecords.TARGET_MONTH), CARE_MANAGER, SERVICE_OFFICE,
                next(), true).format();
        byte[] bytes = StandardFileWriter.toBytes(benefitRows(subtotal, subtotalUnitCount, grandTotal, grandOnAll9,
                detailOnAll9));
        if (code == null) {
            add(name, bytes, defect);
        } else {
            add(name, bytes, defect, code);
        }
    }

    private static List<List<String>> benefitRows(int subtotal, int subtotalUnitCount, int grandTotal,
            boolean grandOnAll9, boolean detailOnAll9) {
        List<String> template = new RandomRecords(700).file(FileKind.UPSIKYU, CsvVersion.V4_1).rows().get(0);
        template.set(1, "312017");
        template.set(2, ScheduleRecords.INSURED_PERSON);
        template.set(column(FileKind.UPSIKYU, "対象年月"), StandardValues.formatMonth(ScheduleRecords.TARGET_MONTH));
        List<List<String>> rows = new ArrayList<>();
        rows.add(benefitRow(template, "111211", detailOnAll9 ? FieldReader.ALL_NINE_OFFICE : SERVICE_OFFICE, "431", "4",
                100));
        rows.add(benefitRow(template, "112211", SERVICE_OFFICE, "312", "2", 200));
        if (subtotal >= 0) {
            rows.add(benefitRow(template, "11AAAA", FieldReader.ALL_NINE_OFFICE, Integer.toString(subtotalUnitCount), "",
                    subtotal));
        }
        if (grandTotal >= 0) {
            rows.add(benefitRow(template, BenefitTotals.GRAND_TOTAL_CODE,
                    grandOnAll9 ? FieldReader.ALL_NINE_OFFICE : SERVICE_OFFICE, "0", "", grandTotal));
        }
        return rows;
    }

    private static List<String> benefitRow(List<String> template, String code, String office, String units, String count,
            int managed) {
        List<String> row = new ArrayList<>(template);
        row.set(column(FileKind.UPSIKYU, "サービス事業所コード"), office);
        row.set(column(FileKind.UPSIKYU, "サービスコード"), code);
        row.set(column(FileKind.UPSIKYU, "単位数"), units);
        row.set(column(FileKind.UPSIKYU, "回数/日数"), count);
        row.set(column(FileKind.UPSIKYU, "給付管理単位数"), Integer.toString(managed));
        row.set(column(FileKind.UPSIKYU, "TAISコード"), "");
        row.set(column(FileKind.UPSIKYU, "福祉用具届出コード"), "");
        return row;
    }

    /** Three valid V4.1 UPPLAN records (care manager → home-help office, October 2026), changed as asked. */
    private static byte[] scheduleBytes(Consumer<List<List<String>>> change) {
        List<List<String>> rows = ScheduleRecords.fields(ScheduleRecords.records(CsvVersion.V4_1, 3));
        change.accept(rows);
        return StandardFileWriter.toBytes(rows);
    }

    private static void set(List<List<String>> rows, int row, String field, String value) {
        set(rows, row, FileKind.UPPLAN, field, value);
    }

    private static void set(List<List<String>> rows, int row, FileKind kind, String field, String value) {
        rows.get(row).set(column(kind, field), value);
    }

    private static void setAll(List<List<String>> rows, FileKind kind, String field, String value) {
        rows.forEach(row -> row.set(column(kind, field), value));
    }

    private static int column(FileKind kind, String field) {
        int index = RecordCodecs.forKind(kind).orElseThrow().layout().names(CsvVersion.V4_1).indexOf(field);
        if (index < 0) {
            throw new IllegalArgumentException("no field " + field + " in " + kind);
        }
        return index;
    }

    private int next() {
        return sequence++;
    }

    private static LocalDateTime at(int sequence) {
        return FIRST_SENT_AT.plusMinutes(sequence);
    }

    private static String stamp(int sequence) {
        return at(sequence).format(java.time.format.DateTimeFormatter.ofPattern("uuuuMMddHHmmss"));
    }

    private static StandardFileName name(FileKind kind, Optional<YearMonth> month, String sender, String recipient,
            int sequence, boolean version4) {
        return new StandardFileName(kind, month, sender, version4 ? "43" : "", recipient, version4 ? "11" : "",
                at(sequence), version4);
    }

    private static String upplan(int sequence) {
        return name(FileKind.UPPLAN, Optional.of(ScheduleRecords.TARGET_MONTH), CARE_MANAGER, SERVICE_OFFICE, sequence,
                true).format();
    }

    private static String image(int sequence, String branch) {
        return new StandardFileName(FileKind.UPKIHON_IMAGE, Optional.empty(), CARE_MANAGER, "46", SERVICE_OFFICE, "46",
                at(sequence), true, branch).format();
    }

    private static String renamed(StandardFileName name, int sequence) {
        return new StandardFileName(name.kind(), name.targetMonth(), name.senderOffice(), name.senderServiceType(),
                name.recipientOffice(), name.recipientServiceType(), at(sequence), name.version4()).format();
    }

    /** {@code name}'s kind and month with {@code like}'s offices, at the given time: a file of the same send unit. */
    private static String renamedLike(StandardFileName name, StandardFileName like, int sequence) {
        return new StandardFileName(name.kind(), name.targetMonth(), like.senderOffice(), like.senderServiceType(),
                like.recipientOffice(), like.recipientServiceType(), at(sequence), name.version4()).format();
    }

    private void add(String path, List<List<String>> rows, String defect, String... codes) {
        add(path, StandardFileWriter.toBytes(rows), defect, codes);
    }

    private void add(String path, byte[] bytes, String defect, String... codes) {
        // The manifest is plain comma-separated: keep the description free of commas.
        cases.add(new Case(path, new LinkedHashSet<>(List.of(codes)), defect.replace(',', ';'), bytes));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** The bytes with the first {@code marker} (ASCII) replaced by {@code replacement}. */
    private static byte[] replace(byte[] bytes, String marker, byte[] replacement) {
        byte[] target = marker.getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(bytes, target, 0);
        return concat(concat(Arrays.copyOf(bytes, at), replacement), Arrays.copyOfRange(bytes, at + target.length,
                bytes.length));
    }

    /** The index of the {@code occurrence}-th (0-based) match of {@code target}. */
    private static int indexOf(byte[] bytes, byte[] target, int occurrence) {
        int seen = 0;
        for (int i = 0; i + target.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + target.length, target, 0, target.length) && seen++ == occurrence) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
