package jp.renkei.ingest.standard;

import static jp.renkei.ingest.standard.ScheduleRecords.INSURED_PERSON;
import static jp.renkei.ingest.standard.ScheduleRecords.TARGET_MONTH;
import static jp.renkei.ingest.standard.ScheduleRecords.fields;
import static jp.renkei.ingest.standard.ScheduleRecords.record;
import static jp.renkei.ingest.standard.ScheduleRecords.records;
import static jp.renkei.ingest.standard.ScheduleRecords.upplanName;
import static jp.renkei.ingest.standard.ScheduleRecords.withFreeText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.renkei.ingest.finding.Finding;
import org.junit.jupiter.api.Test;

class StandardFileReaderTest {
    private static final String V4_NAME = upplanName(CsvVersion.V4_1);
    /** 0-based positions in the V4 layout. */
    private static final int INSURED = 2;
    private static final int TARGET = 4;
    private static final int SERVICE_DATE = 9;
    private static final int START_TIME = 11;
    private static final int END_TIME = 12;

    private final StandardFileReader reader = new StandardFileReader();

    @Test
    void version4FileReadsBackTheRecordsItWasWrittenFrom() {
        List<ScheduleRecord> written = new ArrayList<>(records(CsvVersion.V4_1, 3));
        written.set(0, withFreeText(written.get(0), "介護, 支援子", "\"あおば\"ヘルパー,本所", "a\"\"b"));
        written.set(1, withFreeText(written.get(1), "一行目\r\n二行目", "改行\nだけ", "末尾\r\n"));
        written.set(2, withFreeText(written.get(2), "髙橋 ～ ①", "㈱あおば ｶﾅ", "～①㈱髙"));

        StandardFile file = reader.read(V4_NAME, toBytes(written));

        assertThat(file.findings().list()).isEmpty();
        assertThat(file.isValid()).isTrue();
        assertThat(file.csvVersion()).contains(CsvVersion.V4_1);
        assertThat(file.name()).hasValueSatisfying(name -> assertThat(name.kind()).isEqualTo(FileKind.UPPLAN));
        assertThat(file.scheduleRecords()).containsExactlyElementsOf(written);
        assertThat(file.records()).extracting(StandardFile.RawRecord::line).containsExactly(1L, 2L, 6L);
        assertThat(file.personCount()).isEqualTo(1);
    }

    @Test
    void version4FilesOfTheEarlyVersionValueAreAccepted() {
        List<ScheduleRecord> written = records(CsvVersion.V4_0, 2);

        StandardFile file = reader.read(V4_NAME, toBytes(written));

        assertThat(file.findings().list()).isEmpty();
        assertThat(file.scheduleRecords()).containsExactlyElementsOf(written);
    }

    @Test
    void version3FileWithVersion3NameReadsItsTwentyTwoFields() {
        List<ScheduleRecord> written = records(CsvVersion.V3, 2);
        assertThat(written.get(0).toFields()).hasSize(22);

        StandardFile file = reader.read(upplanName(CsvVersion.V3), toBytes(written));

        assertThat(file.findings().list()).isEmpty();
        assertThat(file.csvVersion()).contains(CsvVersion.V3);
        assertThat(file.name()).hasValueSatisfying(name -> assertThat(name.version4()).isFalse());
        assertThat(file.scheduleRecords()).containsExactlyElementsOf(written);
    }

    @Test
    void noTimeValueIsAcceptedForStartAndEnd() {
        List<List<String>> rows = fields(records(CsvVersion.V4_1, 1));
        rows.get(0).set(START_TIME, "9999");
        rows.get(0).set(END_TIME, "9999");

        StandardFile file = reader.read(V4_NAME, StandardFileWriter.toBytes(rows));

        assertThat(file.findings().list()).isEmpty();
        assertThat(file.scheduleRecords()).singleElement()
                .satisfies(record -> assertThat(record.startTime()).isEqualTo(StandardValues.NO_TIME));
    }

    @Test
    void welfareRecipientNumberOfHAndNineDigitsIsAccepted() {
        List<List<String>> rows = fields(records(CsvVersion.V4_1, 1));
        rows.get(0).set(INSURED, "H123456789");

        StandardFile file = reader.read(V4_NAME, StandardFileWriter.toBytes(rows));

        assertThat(file.findings().list()).isEmpty();
        assertThat(file.scheduleRecords()).singleElement()
                .satisfies(record -> assertThat(record.insuredPersonNumber()).isEqualTo("H123456789"));
    }

    @Test
    void utf8BytesAreNotMs932() {
        List<ScheduleRecord> records = new ArrayList<>(records(CsvVersion.V4_1, 2));
        records.set(0, withFreeText(records.get(0), "Kaigo Shienko", "Aoba", ""));
        records.set(1, withFreeText(records.get(1), "～", "Aoba", ""));
        List<List<String>> rows = fields(records);
        byte[] utf8 = text(rows).getBytes(StandardCharsets.UTF_8);

        StandardFile file = reader.read(V4_NAME, utf8);

        assertThat(file.findings().list()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("STD-ENC-001");
            assertThat(finding.line()).isEqualTo(2);
        });
        assertThat(file.records()).isEmpty();
        assertThat(file.scheduleRecords()).isEmpty();
    }

    @Test
    void strayHighBytesAreReportedOnTheirLine() {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(StandardFileWriter.toBytes(fields(records(CsvVersion.V4_1, 2))));
        content.writeBytes(new byte[] {(byte) 0x80, (byte) 0xA0, (byte) 0xFD, '\r', '\n'});

        StandardFile file = reader.read(V4_NAME, content.toByteArray());

        assertThat(file.findings().list()).extracting(Finding::code, Finding::line)
                .containsExactly(tuple("STD-ENC-001", 3L));
    }

    @Test
    void byteOrderMarkIsReportedAsSuch() {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        content.writeBytes(StandardFileWriter.toBytes(fields(records(CsvVersion.V4_1, 1))));

        StandardFile file = reader.read(V4_NAME, content.toByteArray());

        assertThat(file.findings().list()).extracting(Finding::code, Finding::line)
                .containsExactly(tuple("STD-ENC-002", 1L));
    }

    @Test
    void emptyFileIsRejected() {
        StandardFile file = reader.read(V4_NAME, new byte[0]);

        assertThat(file.findings().list()).extracting(Finding::code).containsExactly("STD-FILE-001");
        assertThat(file.isValid()).isFalse();
    }

    @Test
    void fileOfBlankLinesHasNoRecords() {
        StandardFile file = reader.read(V4_NAME, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(file.findings().list()).extracting(Finding::code).containsExactly("STD-FILE-001");
    }

    @Test
    void unknownCsvVersionIsRejectedAtItsField() {
        List<List<String>> rows = fields(records(CsvVersion.V4_1, 2));
        rows.get(1).set(0, "202301");

        assertThat(findings(rows)).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple("STD-VER-001", 2L, 1, "CSVバージョン"));
    }

    @Test
    void mixedCsvVersionsAreRejectedAtTheFirstDeviatingRecord() {
        List<List<String>> rows = fields(records(CsvVersion.V4_1, 3));
        rows.get(2).set(0, CsvVersion.V4_0.value());

        assertThat(findings(rows)).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple("STD-VER-002", 3L, 1, "CSVバージョン"));
    }

    @Test
    void recordWithAFieldTooFewIsRejected() {
        List<List<String>> rows = fields(records(CsvVersion.V4_1, 2));
        rows.get(1).remove(rows.get(1).size() - 1);

        List<Finding> findings = findings(rows);

        assertThat(findings).extracting(Finding::code, Finding::line).containsExactly(tuple("STD-FIELDS-001", 2L));
        assertThat(findings.get(0).messageEn()).contains("25").contains("24");
    }

    @Test
    void emptyRequiredFieldIsRejectedAtItsColumn() {
        List<List<String>> rows = fields(records(CsvVersion.V4_1, 1));
        rows.get(0).set(SERVICE_DATE, "");

        assertThat(findings(rows)).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple("STD-REQ-001", 1L, 10, "サービス利用日"));
    }

    @Test
    void dateThatDoesNotExistIsRejected() {
        List<List<String>> rows = fields(records(CsvVersion.V4_1, 1));
        rows.get(0).set(3, "20260230");

        assertThat(findings(rows)).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple("STD-DATE-001", 1L, 4, "作成年月日"));
    }

    @Test
    void serviceDateOutsideTheTargetMonthIsRejected() {
        List<List<String>> rows = fields(records(CsvVersion.V4_1, 1));
        rows.get(0).set(SERVICE_DATE, "20261101");

        assertThat(findings(rows)).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple("STD-DATE-003", 1L, 10, "サービス利用日"));
    }

    @Test
    void timeOfHourTwentyFourIsRejected() {
        List<List<String>> rows = fields(records(CsvVersion.V4_1, 1));
        rows.get(0).set(START_TIME, "2460");

        assertThat(findings(rows)).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple("STD-TIME-001", 1L, 12, "サービス開始時刻"));
    }

    @Test
    void insuredPersonNumberOfWrongShapeIsRejectedWithoutQuotingIt() {
        List<List<String>> rows = fields(records(CsvVersion.V4_1, 1));
        rows.get(0).set(INSURED, "H12345678X");

        List<Finding> findings = findings(rows);

        assertThat(findings).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple("STD-FORMAT-002", 1L, 3, "被保険者番号"));
        assertThat(findings.get(0).describe()).doesNotContain("H12345678X");
    }

    @Test
    void targetMonthInContentMustMatchTheName() {
        List<List<String>> rows = fields(records(CsvVersion.V4_1, 1));
        rows.get(0).set(TARGET, "202609");
        rows.get(0).set(SERVICE_DATE, "20260915");

        assertThat(findings(rows)).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple("STD-NAME-011", 1L, 5, "対象年月"));
    }

    @Test
    void version4NameWithVersion3ContentIsRejected() {
        StandardFile file = reader.read(V4_NAME, toBytes(records(CsvVersion.V3, 1)));

        assertThat(file.findings().list()).extracting(Finding::code, Finding::field)
                .containsExactly(tuple("STD-NAME-010", "ファイル名"));
        assertThat(file.scheduleRecords()).isEmpty();
    }

    @Test
    void unclosedQuoteIsRejectedAfterTheLastGoodRecord() {
        String content = text(fields(records(CsvVersion.V4_1, 1))) + "202407,\"312017,0123456789\r\n";

        StandardFile file = reader.read(V4_NAME, content.getBytes(StandardCharsets.US_ASCII));

        assertThat(file.findings().list()).extracting(Finding::code, Finding::line)
                .containsExactly(tuple("STD-CSV-001", 2L));
    }

    @Test
    void findingsPointAtTheLineWhereTheRecordStartsAfterMultiLineFields() {
        List<ScheduleRecord> records = new ArrayList<>(records(CsvVersion.V4_1, 3));
        records.set(0, withFreeText(records.get(0), "一\r\n二\r\n三", "", ""));
        List<List<String>> rows = fields(records);
        rows.get(1).set(START_TIME, "2400");
        rows.get(2).set(3, "20261332");

        assertThat(findings(rows)).extracting(Finding::code, Finding::line)
                .containsExactly(tuple("STD-TIME-001", 4L), tuple("STD-DATE-001", 5L));
    }

    @Test
    void invalidNameIsReportedAlongsideTheContentFindings() {
        StandardFile file = reader.read("../" + V4_NAME, toBytes(records(CsvVersion.V4_1, 1)));

        assertThat(file.name()).isEmpty();
        assertThat(file.findings().list()).extracting(Finding::code).containsExactly("STD-NAME-002");
        assertThat(file.isValid()).isFalse();
    }

    @Test
    void noFindingEverQuotesAnInsuredPersonNumber() {
        String insured = "H98765432X";
        List<List<String>> rows = fields(records(CsvVersion.V4_1, 3));
        rows.forEach(row -> row.set(INSURED, insured));
        rows.get(0).set(SERVICE_DATE, "20261131");
        rows.get(1).set(START_TIME, "");
        rows.get(2).set(TARGET, "202609");
        List<List<String>> shortRows = fields(records(CsvVersion.V4_1, 1));
        shortRows.get(0).set(INSURED, INSURED_PERSON);
        shortRows.get(0).remove(24);

        List<Finding> all = new ArrayList<>(findings(rows));
        all.addAll(reader.read(upplanName(false, TARGET_MONTH), StandardFileWriter.toBytes(rows)).findings().list());
        all.addAll(findings(shortRows));

        assertThat(all).extracting(Finding::code)
                .contains("STD-FORMAT-002", "STD-DATE-001", "STD-REQ-001", "STD-FIELDS-001", "STD-NAME-010");
        assertThat(all).allSatisfy(finding -> assertThat(finding.messageJa() + finding.messageEn() + finding.describe())
                .doesNotContain(insured)
                .doesNotContain(INSURED_PERSON));
    }

    private List<Finding> findings(List<List<String>> rows) {
        StandardFile file = reader.read(V4_NAME, StandardFileWriter.toBytes(rows));
        assertThat(file.isValid()).isEqualTo(file.findings().list().stream().noneMatch(Finding::isError));
        if (!file.isValid()) {
            assertThat(file.scheduleRecords()).isEmpty();
        }
        return file.findings().list();
    }

    private static byte[] toBytes(List<ScheduleRecord> records) {
        return StandardFileWriter.toBytes(records.stream().map(ScheduleRecord::toFields).toList());
    }

    private static String text(List<List<String>> rows) {
        return new String(StandardFileWriter.toBytes(rows), StandardFileReader.MS932);
    }
}
