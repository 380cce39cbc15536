package jp.renkei.ingest.officelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.InputRejectedException;
import jp.renkei.ingest.finding.Severity;
import jp.renkei.ingest.municipality.MunicipalityMaster;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OfficeListReaderTest {
    private static final OfficeListWriter.Line TOTTORI_CARE_MANAGER = new OfficeListWriter.Line(
            "312011", "鳥取県", "鳥取市", "あおばケアプランセンター", "居宅介護支援", "3170120011");
    private static final OfficeListWriter.Line OKAYAMA_KITA_HOME_HELP = new OfficeListWriter.Line(
            "331015", "岡山県", "岡山市北区", "ヘルパーステーション「さくら」, 本所", "訪問介護", "3370100011");
    private static final OfficeListWriter.Line OKAYAMA_DAY_SERVICE = new OfficeListWriter.Line(
            "331007", "岡山県", "岡山市", "\"みどり\"デイサービスセンター", "通所介護", "3370100011");

    private static OfficeListReader reader;

    @BeforeAll
    static void readBundledMaster() throws IOException, InputRejectedException {
        try (InputStream input = OfficeListReaderTest.class.getResourceAsStream("/jp/renkei/ingest/reference/localgovjp-utf8.csv")) {
            reader = new OfficeListReader(
                    MunicipalityMaster.read("localgovjp-utf8.csv", new InputStreamReader(input, StandardCharsets.UTF_8)));
        }
    }

    @Test
    void writtenListReadsBackWithWardsRolledUpToTheirCity() throws IOException, InputRejectedException {
        String written = write(List.of(TOTTORI_CARE_MANAGER, OKAYAMA_KITA_HOME_HELP, OKAYAMA_DAY_SERVICE));
        assertThat(written).startsWith("\uFEFF" + OfficeListFormat.HEADER.get(0) + ",");

        List<Office> offices = reader.read("list.csv", new StringReader(written)).offices();

        assertThat(offices).containsExactly(
                new Office("3170120011", "43", "あおばケアプランセンター", "312011", "31"),
                new Office("3370100011", "11", "ヘルパーステーション「さくら」, 本所", "331007", "33"),
                new Office("3370100011", "15", "\"みどり\"デイサービスセンター", "331007", "33"));
        assertThat(offices.get(1).toLandingRow())
                .containsExactly("3370100011", "11", "ヘルパーステーション「さくら」, 本所", "331007", "33");
    }

    /** The published lists carry types beyond the demo's: facilities, 地域密着型 and 看護小規模多機能 offices. */
    @Test
    void typesOfTheOfficialListsAreAccepted() throws IOException, InputRejectedException {
        List<OfficeListWriter.Line> lines = List.of(
                new OfficeListWriter.Line("312011", "鳥取県", "鳥取市", "医療院", "介護医療院", "3170100011"),
                new OfficeListWriter.Line("312011", "鳥取県", "鳥取市", "看多機", "看護小規模多機能型居宅介護", "3170100029"),
                new OfficeListWriter.Line("312011", "鳥取県", "鳥取市", "夜間", "夜間対応型訪問介護", "3170100037"),
                new OfficeListWriter.Line("312011", "鳥取県", "鳥取市", "定期巡回", "定期巡回・随時対応型訪問介護看護", "3170100045"),
                new OfficeListWriter.Line("312011", "鳥取県", "鳥取市", "認デイ", "認知症対応型通所介護", "3170100052"),
                new OfficeListWriter.Line("312011", "鳥取県", "鳥取市", "有料", "特定施設入居者生活介護", "3170100060"));

        OfficeListReader.OfficeList list = reader.read("jigyosho_310.csv", new StringReader(write(lines)));

        assertThat(list.offices()).extracting(Office::serviceType).containsExactly("55", "77", "71", "76", "72", "33");
        assertThat(list.warnings()).isEmpty();
    }

    @Test
    void prefectureMismatchIsOnlyAWarning() throws IOException, InputRejectedException {
        OfficeListWriter.Line elsewhere = new OfficeListWriter.Line(
                "312011", "鳥取県", "鳥取市", "出張所", "訪問看護", "3370100029");

        OfficeListReader.OfficeList list = reader.read("list.csv", new StringReader(write(List.of(elsewhere))));

        assertThat(list.offices())
                .extracting(Office::officeNumber, Office::municipalityCode, Office::prefectureCode)
                .containsExactly(tuple("3370100029", "312011", "31"));
        assertThat(list.warnings()).extracting(Finding::code, Finding::severity, Finding::line)
                .containsExactly(tuple("OFF-NUMBER-002", Severity.WARNING, 2L));
    }

    @Test
    void prefectureMismatchWarningIsReportedWithTheErrorsOfARejectedList() {
        List<String> mismatch = line("312011", "訪問看護", "3370100029");
        List<String> unknownType = line("312011", "宅老所", "3170100037");

        List<Finding> findings = rejection(HEADER_ROW, mismatch, unknownType);

        assertThat(findings).extracting(Finding::code, Finding::severity, Finding::line, Finding::column)
                .containsExactly(
                        tuple("OFF-NUMBER-002", Severity.WARNING, 2L, 16),
                        tuple("OFF-TYPE-001", Severity.ERROR, 3L, 7));
    }

    @Test
    void unknownMunicipalityIsRejected() {
        assertThat(rejection(HEADER_ROW, line("312011", "訪問介護", "3170100011"), line("312012", "訪問介護", "3170100029")))
                .extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple("OFF-MUN-001", 3L, 1, "都道府県コード又は市区町村コード"));
    }

    @Test
    void unknownServiceTypeIsRejected() {
        assertThat(rejection(HEADER_ROW, line("312011", "宅老所", "3170100011")))
                .extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple("OFF-TYPE-001", 2L, 7, "サービスの種類"));
    }

    @Test
    void badOfficeNumberIsRejected() {
        assertThat(rejection(HEADER_ROW, line("312011", "訪問介護", "4870100011"), line("312011", "訪問介護", "317010001")))
                .extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(
                        tuple("OFF-NUMBER-001", 2L, 16, "事業所番号"),
                        tuple("OFF-NUMBER-001", 3L, 16, "事業所番号"));
    }

    @Test
    void lineOfTwentyThreeFieldsIsRejected() {
        List<String> shortLine = new ArrayList<>(line("312011", "訪問介護", "3170100011"));
        shortLine.remove(23);

        assertThat(rejection(HEADER_ROW, shortLine))
                .extracting(Finding::code, Finding::line).containsExactly(tuple("OFF-FIELDS-001", 2L));
    }

    @Test
    void sameOfficeNumberAndServiceTypeTwiceIsRejected() {
        assertThat(rejection(HEADER_ROW, line("312011", "訪問介護", "3170100011"), line("312011", "通所介護", "3170100011"),
                line("312029", "訪問介護", "3170100011")))
                .extracting(Finding::code, Finding::line, Finding::field)
                .containsExactly(tuple("OFF-DUP-001", 4L, "事業所番号"));
    }

    @Test
    void wrongHeaderIsRejected() {
        List<String> header = new ArrayList<>(OfficeListFormat.HEADER);
        header.set(15, "介護保険事業所番号");

        assertThat(rejection(header, line("312011", "訪問介護", "3170100011")))
                .extracting(Finding::code, Finding::line).containsExactly(tuple("OFF-HEADER-001", 1L));
    }

    @Test
    void listWithoutOfficesIsRejected() {
        assertThat(rejection(HEADER_ROW)).extracting(Finding::code).containsExactly("OFF-EMPTY-001");
    }

    private static final List<String> HEADER_ROW = OfficeListFormat.HEADER;

    /** A 24-field line with the location, service type name and office number set and the rest as the writer leaves it. */
    private static List<String> line(String locationCode, String serviceTypeName, String officeNumber) {
        List<String> fields = new ArrayList<>(Collections.nCopies(OfficeListFormat.HEADER.size(), ""));
        fields.set(OfficeListFormat.MUNICIPALITY_CODE, locationCode);
        fields.set(OfficeListFormat.OFFICE_NAME, "テスト事業所");
        fields.set(OfficeListFormat.SERVICE_TYPE_NAME, serviceTypeName);
        fields.set(OfficeListFormat.OFFICE_NUMBER, officeNumber);
        return fields;
    }

    @SafeVarargs
    private static List<Finding> rejection(List<String>... rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        InputRejectedException rejection = catchThrowableOfType(InputRejectedException.class,
                () -> reader.read("list.csv", new StringReader(text.toString())));
        assertThat(rejection).as("rejection").isNotNull();
        return rejection.findings();
    }

    private static String write(List<OfficeListWriter.Line> lines) throws IOException {
        StringWriter writer = new StringWriter();
        OfficeListWriter.write(writer, lines);
        return writer.toString();
    }
}
