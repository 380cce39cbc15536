package jp.renkei.ingest.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.Severity;
import org.junit.jupiter.api.Test;

/** 第7表 totals, content against name, and encoding: one broken thing, one finding. */
class ContentRulesTest {
    private static final int UNITS_COLUMN = 17;
    private static final int CODE_COLUMN = 8;
    private static final int OFFICE_COLUMN = 6;

    private final StandardFileReader reader = new StandardFileReader();

    /** Rows of seed 3's UPSIKYU: person 1's detail lines, subtotals and grand total come first. */
    private static RandomRecords.Generated benefits() {
        return new RandomRecords(3).file(FileKind.UPSIKYU, CsvVersion.V4_1);
    }

    private List<Finding> read(RandomRecords.Generated file, List<List<String>> rows) {
        return reader.read(file.name().format(), StandardFileWriter.toBytes(rows)).findings().list();
    }

    private static int indexOf(List<List<String>> rows, String code) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(CODE_COLUMN).equals(code)) {
                return i;
            }
        }
        throw new IllegalStateException("no " + code);
    }

    @Test
    void grandTotalThatDoesNotAddUpIsRejected() {
        RandomRecords.Generated file = benefits();
        List<List<String>> rows = file.rows();
        int total = indexOf(rows, "999999");
        rows.get(total).set(UNITS_COLUMN, Integer.toString(Integer.parseInt(rows.get(total).get(UNITS_COLUMN)) + 1));

        long line = reader.read(file.name().format(), file.bytes()).records().get(total).line();

        assertThat(read(file, rows)).extracting(Finding::code, Finding::line, Finding::column)
                .containsExactly(tuple("STD-TOTAL-005", line, UNITS_COLUMN + 1));
    }

    @Test
    void missingGrandTotalIsRejected() {
        RandomRecords.Generated file = benefits();
        List<List<String>> rows = file.rows();
        rows.remove(indexOf(rows, "999999"));

        assertThat(read(file, rows)).extracting(Finding::code).contains("STD-TOTAL-001");
    }

    @Test
    void subtotalRulesHold() {
        List<List<String>> rows = new ArrayList<>();
        RandomRecords.Generated file = benefits();
        List<String> detail = file.rows().get(0);
        String type = detail.get(CODE_COLUMN).substring(0, 2);
        List<String> second = new ArrayList<>(detail);
        second.set(CODE_COLUMN, type + "9999");
        rows.add(new ArrayList<>(detail));
        rows.add(second);
        List<String> total = new ArrayList<>(file.rows().get(indexOf(file.rows(), "999999")));
        total.set(1, detail.get(1));
        total.set(2, detail.get(2));
        total.set(UNITS_COLUMN, Integer.toString(2 * units(detail)));
        rows.add(total);

        assertThat(read(file, rows)).extracting(Finding::code).containsExactly("STD-TOTAL-003");

        List<String> subtotal = new ArrayList<>(total);
        subtotal.set(CODE_COLUMN, type + "AAAA");
        subtotal.set(UNITS_COLUMN, Integer.toString(2 * units(detail) + 5));
        rows.add(2, subtotal);
        assertThat(read(file, rows)).extracting(Finding::code).containsExactly("STD-TOTAL-004");

        subtotal.set(UNITS_COLUMN, Integer.toString(2 * units(detail)));
        total.set(OFFICE_COLUMN, detail.get(OFFICE_COLUMN));
        assertThat(read(file, rows)).extracting(Finding::code).containsExactly("STD-TOTAL-002");

        total.set(OFFICE_COLUMN, "9999999999");
        total.set(12, "1");
        assertThat(read(file, rows)).extracting(Finding::code).containsExactly("STD-TOTAL-006");
    }

    @Test
    void thirtyDaysOverMayBeEmptyOnTotalRowsButNotOnADetailLine() {
        RandomRecords.Generated file = benefits();
        List<List<String>> rows = file.rows();
        int over30Column = BenefitRecord.LAYOUT.names(CsvVersion.V4_1).indexOf("30日超区分");
        for (List<String> row : rows) {
            if (!isDetailCode(row.get(CODE_COLUMN))) {
                row.set(over30Column, "");
            }
        }
        assertThat(read(file, rows)).as("empty on every subtotal and 999999 row").isEmpty();

        rows.get(0).set(over30Column, "");
        assertThat(read(file, rows)).extracting(Finding::code, Finding::column)
                .containsExactly(tuple("STD-REQ-001", over30Column + 1));
        rows.get(0).set(over30Column, "2");
        assertThat(read(file, rows)).extracting(Finding::code).containsExactly("STD-CODE-001");
    }

    private static boolean isDetailCode(String serviceCode) {
        String item = serviceCode.substring(2);
        return !"999999".equals(serviceCode) && !"AAAA".equals(item) && !"EEEE".equals(item) && !"ZZZZ".equals(item);
    }

    private static int units(List<String> row) {
        return row.get(UNITS_COLUMN).isEmpty() ? 0 : Integer.parseInt(row.get(UNITS_COLUMN));
    }

    @Test
    void planWithoutALineOfItsRecipientIsRejected() {
        RandomRecords.Generated file = new RandomRecords(5).file(FileKind.UPPLAN, CsvVersion.V4_1);
        List<List<String>> rows = file.rows();
        int office = ScheduleRecord.FIELD_NAMES_VERSION_4.indexOf("サービス事業者コード");
        rows.forEach(row -> row.set(office, "0100000001"));

        assertThat(read(file, rows)).extracting(Finding::code).containsExactly("STD-NAME-012");
    }

    @Test
    void actualsOfAnotherOfficeAreRejected() {
        RandomRecords.Generated file = new RandomRecords(5).file(FileKind.UPJSK, CsvVersion.V4_1);
        List<List<String>> rows = file.rows();
        int office = ScheduleRecord.FIELD_NAMES_VERSION_4.indexOf("サービス事業者コード");
        rows.get(0).set(office, "0100000001");

        assertThat(read(file, rows)).extracting(Finding::code, Finding::line, Finding::column)
                .containsExactly(tuple("STD-NAME-013", 1L, office + 1));
    }

    @Test
    void deleteOfAnotherMonthIsRejected() {
        RandomRecords.Generated file = new RandomRecords(5).file(FileKind.DLTPLAN, CsvVersion.V4_1);
        List<List<String>> rows = file.rows();
        String other = StandardValues.formatMonth(file.name().targetMonth().orElseThrow().plusMonths(1));
        rows.get(0).set(3, other);

        assertThat(read(file, rows)).extracting(Finding::code, Finding::column).containsExactly(tuple("STD-NAME-011", 4));
    }

    @Test
    void supplementTiedToBothOrNeitherTableIsRejected() {
        RandomRecords.Generated file = new RandomRecords(8).file(FileKind.UPHOSOKU, CsvVersion.V4_1);
        List<List<String>> rows = file.rows();
        rows.get(0).set(3, rows.get(0).get(3).equals("00000000") ? "20260101" : "00000000");

        assertThat(read(file, rows)).extracting(Finding::code).containsExactly("STD-KEY-002");
    }

    @Test
    void proratedDaysBeyondTheMonthAreAWarning() {
        List<List<String>> rows = ScheduleRecords.fields(List.of(ScheduleRecords.record(CsvVersion.V4_1, 1)));
        rows.get(0).set(10, "0".repeat(30) + "1");
        // October has 31 days: fine. November has 30.
        assertThat(reader.read(ScheduleRecords.upplanName(CsvVersion.V4_1), StandardFileWriter.toBytes(rows))
                .findings().list()).isEmpty();
        rows.get(0).set(4, "202611");
        rows.get(0).set(9, "20261102");
        String november = ScheduleRecords.upplanName(true, ScheduleRecords.TARGET_MONTH.plusMonths(1));

        assertThat(reader.read(november, StandardFileWriter.toBytes(rows)).findings().list())
                .extracting(Finding::code, Finding::severity).containsExactly(tuple("STD-PRORATE-001", Severity.WARNING));
    }

    @Test
    void utf8IsReadOnlyWhenDeclaredAndThenIsAWarning() {
        List<List<String>> rows = ScheduleRecords.fields(List.of(ScheduleRecords.withFreeText(
                ScheduleRecords.record(CsvVersion.V4_1, 1), "髙橋 ～ ①", "㈱あおば", "")));
        byte[] utf8 = text(rows).getBytes(StandardCharsets.UTF_8);
        String name = ScheduleRecords.upplanName(CsvVersion.V4_1);

        assertThat(reader.read(name, utf8).findings().list()).extracting(Finding::code).containsExactly("STD-ENC-001");
        StandardFile declared = new StandardFileReader(true).read(name, utf8);
        assertThat(declared.findings().list()).extracting(Finding::code, Finding::severity)
                .containsExactly(tuple("STD-ENC-004", Severity.WARNING));
        assertThat(declared.scheduleRecords()).singleElement()
                .satisfies(record -> assertThat(record.serviceOfficeName()).isEqualTo("㈱あおば"));
        byte[] withMark = ("\uFEFF" + text(rows)).getBytes(StandardCharsets.UTF_8);
        assertThat(new StandardFileReader(true).read(name, withMark).isValid()).isTrue();
        assertThat(new StandardFileReader(true).read(name, StandardFileWriter.toBytes(rows)).findings().list()).isEmpty();
    }

    @Test
    void charactersOutsideMs932AreReportedAtTheirLineAndFieldNeverReplaced() {
        List<List<String>> rows = ScheduleRecords.fields(ScheduleRecords.records(CsvVersion.V4_1, 2));
        rows.get(1).set(6, "一行目\r\n𠮷野家");
        rows.get(1).set(20, "〜");
        byte[] utf8 = text(rows.subList(0, 1)).concat(csv(rows.get(1))).getBytes(StandardCharsets.UTF_8);

        StandardFile file = new StandardFileReader(true).read(ScheduleRecords.upplanName(CsvVersion.V4_1), utf8);

        assertThat(file.findings().list()).filteredOn(Finding::isError).extracting(Finding::code, Finding::line, Finding::column)
                .containsExactly(tuple("STD-ENC-003", 3L, 7), tuple("STD-ENC-003", 3L, 21));
        assertThat(file.isValid()).isFalse();
    }

    @Test
    void userDefinedCharactersInMs932AreReported() {
        byte[] content = StandardFileWriter.toBytes(ScheduleRecords.fields(ScheduleRecords.records(CsvVersion.V4_1, 1)));
        String text = new String(content, StandardFileReader.MS932).replace("あおば", "あ\uE000ば");
        byte[] gaiji = text.getBytes(StandardFileReader.MS932);

        assertThat(reader.read(ScheduleRecords.upplanName(CsvVersion.V4_1), gaiji).findings().list())
                .extracting(Finding::code, Finding::column).containsExactly(tuple("STD-ENC-003", 21));
    }

    @Test
    void familyImageMustBeAWholeJpeg() {
        StandardFileName name = new StandardFileName(FileKind.UPKIHON_IMAGE, Optional.empty(), "3170100011", "46",
                "3170100029", "A2", ScheduleRecords.SENT_AT, true, "0001");
        byte[] jpeg = Jpegs.of(64, 48);

        assertThat(reader.read(name.format(), jpeg).findings().list()).isEmpty();
        assertThat(reader.read(name.format(), "GIF89a".getBytes(StandardCharsets.US_ASCII)).findings().list())
                .extracting(Finding::code).containsExactly("STD-IMG-001");
    }

    /**
     * The first three bytes were all that was checked, so anything that starts with FF D8 FF could fill the disk. A
     * header alone, a cut-off file, a frame of absurd size and an oversized file are refused now.
     */
    @Test
    void aJpegHeaderAloneACutOffImageAHugeFrameAndAnOversizedFileAreRefused() {
        StandardFileName name = new StandardFileName(FileKind.UPKIHON_IMAGE, Optional.empty(), "3170100011", "46",
                "3170100029", "A2", ScheduleRecords.SENT_AT, true, "0001");
        byte[] jpeg = Jpegs.of(64, 48);
        byte[] headerThenJunk = new byte[1 << 20];
        System.arraycopy(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10}, 0, headerThenJunk, 0, 6);
        byte[] cutOff = java.util.Arrays.copyOf(jpeg, jpeg.length - 10);
        byte[] hugeFrame = jpeg.clone();
        int height = Jpegs.frameHeightOffset(hugeFrame);
        hugeFrame[height] = (byte) 0xEA;
        hugeFrame[height + 2] = (byte) 0xEA;
        byte[] oversized = java.util.Arrays.copyOf(jpeg, ImageCheck.MAXIMUM_BYTES + 1);

        assertThat(codes(name, headerThenJunk)).containsExactly("STD-IMG-003");
        assertThat(codes(name, cutOff)).containsExactly("STD-IMG-003");
        assertThat(codes(name, hugeFrame)).containsExactly("STD-IMG-003");
        assertThat(codes(name, oversized)).containsExactly("STD-IMG-002");
    }

    private List<String> codes(StandardFileName name, byte[] content) {
        return reader.read(name.format(), content).findings().list().stream().map(Finding::code).toList();
    }

    @Test
    void writerNamesTheRecordAndFieldOfACharacterOutsideMs932() {
        List<List<String>> rows = ScheduleRecords.fields(ScheduleRecords.records(CsvVersion.V4_1, 2));
        rows.get(1).set(6, "𠮷");

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> StandardFileWriter.toBytes(rows)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record 2 field 7");
    }

    private static String text(List<List<String>> rows) {
        return new String(StandardFileWriter.toBytes(rows), StandardFileReader.MS932);
    }

    /** One record as CSV text without MS932 encoding (for characters MS932 cannot hold). */
    private static String csv(List<String> row) {
        List<String> quoted = row.stream().map(value -> "\"" + value.replace("\"", "\"\"") + "\"").toList();
        return String.join(",", quoted) + "\r\n";
    }
}
