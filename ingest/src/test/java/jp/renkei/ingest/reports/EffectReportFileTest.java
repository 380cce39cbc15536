package jp.renkei.ingest.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EffectReportFileTest {
    static final String HEADER = "事業所番号,対象年月,印刷枚数,実績入力時間,用紙・郵送費,返戻件数,時間外労働時間,有給休暇取得率,ケアマネジャー数,利用者数\r\n";
    static final String GOOD_LINE = "3170100011,2026-09,1200,14.5,18400,2,11.25,62.5,3.5,118\r\n";

    @Test
    void writtenReportsReadBackEqual() throws IOException, InputRejectedException {
        List<EffectReport> reports = List.of(
                new EffectReport("3170100011", YearMonth.of(2026, 9), 1200L, new BigDecimal("14.5"), 18400L, 2L,
                        new BigDecimal("11.25"), new BigDecimal("62.5"), new BigDecimal("3.5"), 118),
                new EffectReport("3370100029", YearMonth.of(2026, 9), null, null, null, null, null, null, null, 40));
        StringWriter written = new StringWriter();
        EffectReportFile.write(written, reports);

        assertThat(written.toString()).startsWith(HEADER).contains("3370100029,2026-09,,,,,,,,40\r\n");
        EffectReportFile.Result read = EffectReportFile.read("effects.csv", new StringReader(written.toString()));
        assertThat(read.reports()).containsExactlyElementsOf(reports);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.reports().get(0).toLandingRow()).containsExactly("3170100011", YearMonth.of(2026, 9), 1200L,
                "14.5", 18400L, 2L, "11.25", "62.5", "3.5", 118L);
    }

    @Test
    void byteOrderMarkAndBlankLinesAreTolerated() throws IOException, InputRejectedException {
        EffectReportFile.Result read = EffectReportFile.read("effects.csv", new StringReader("\uFEFF" + HEADER + "\r\n" + GOOD_LINE));

        assertThat(read.reports()).singleElement().extracting(EffectReport::users).isEqualTo(118L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            office number wrong       | 317010001,2026-09,1200,14.5,18400,2,11.25,62.5,3.5,118      | EFF-OFFICE-001 | 1  | 事業所番号
            office number empty       | ,2026-09,1200,14.5,18400,2,11.25,62.5,3.5,118               | EFF-REQ-001    | 1  | 事業所番号
            month not real            | 3170100011,2026-13,1200,14.5,18400,2,11.25,62.5,3.5,118     | EFF-MONTH-001  | 2  | 対象年月
            month in the wrong format | 3170100011,202609,1200,14.5,18400,2,11.25,62.5,3.5,118      | EFF-MONTH-001  | 2  | 対象年月
            sheets with a separator   | 3170100011,2026-09,'1,200',14.5,18400,2,11.25,62.5,3.5,118  | EFF-NUMBER-001 | 3  | 印刷枚数
            hours with three decimals | 3170100011,2026-09,1200,14.555,18400,2,11.25,62.5,3.5,118   | EFF-NUMBER-001 | 4  | 実績入力時間
            negative yen              | 3170100011,2026-09,1200,14.5,-18400,2,11.25,62.5,3.5,118    | EFF-RANGE-001  | 5  | 用紙・郵送費
            absurd returned claims    | 3170100011,2026-09,1200,14.5,18400,20000,11.25,62.5,3.5,118 | EFF-RANGE-002  | 6  | 返戻件数
            absurd overtime           | 3170100011,2026-09,1200,14.5,18400,2,99999,62.5,3.5,118     | EFF-RANGE-002  | 7  | 時間外労働時間
            leave rate over 100%      | 3170100011,2026-09,1200,14.5,18400,2,11.25,100.5,3.5,118    | EFF-RANGE-002  | 8  | 有給休暇取得率
            negative FTE              | 3170100011,2026-09,1200,14.5,18400,2,11.25,62.5,-1,118      | EFF-RANGE-001  | 9  | ケアマネジャー数
            users missing             | 3170100011,2026-09,1200,14.5,18400,2,11.25,62.5,3.5,        | EFF-REQ-001    | 10 | 利用者数
            too few fields            | 3170100011,2026-09,1200,14.5,18400,2,11.25,62.5,3.5         | EFF-FIELDS-001 | 0  | ''
            """)
    void eachProblemIsOneErrorAtItsLineAndField(String title, String line, String code, int column, String field)
            throws IOException {
        InputRejectedException rejected = reject(HEADER + GOOD_LINE + line.replace('\'', '"') + "\r\n");

        assertThat(rejected.findings()).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple(code, 3L, column, field));
        assertThat(rejected.findings()).allSatisfy(finding -> {
            assertThat(finding.isError()).isTrue();
            assertThat(finding.file()).isEqualTo("effects.csv");
        });
    }

    @Test
    void aSecondLineForTheSameOfficeAndMonthIsAnError() throws IOException {
        InputRejectedException rejected = reject(HEADER + GOOD_LINE + GOOD_LINE);

        assertThat(rejected.findings()).extracting(Finding::code, Finding::line, Finding::column)
                .containsExactly(tuple("EFF-DUP-001", 3L, 2));
        assertThat(rejected.findings().get(0).messageEn()).contains("line 2");
    }

    @Test
    void aWrongHeaderRejectsTheFileAtLineOne() throws IOException {
        InputRejectedException rejected = reject(HEADER.replace("印刷枚数", "印刷数") + GOOD_LINE);

        assertThat(rejected.findings()).extracting(Finding::code, Finding::line).containsExactly(tuple("EFF-HEADER-001", 1L));
    }

    @Test
    void anUnclosedQuoteIsACsvError() throws IOException {
        InputRejectedException rejected = reject(HEADER + GOOD_LINE + "3170100011,\"2026-10,1200\r\n");

        assertThat(rejected.findings()).extracting(Finding::code).containsExactly("EFF-CSV-001");
    }

    @Test
    void aFivefoldJumpFromThePreviousMonthIsOnlyAWarning() throws IOException, InputRejectedException {
        String october = "3170100011,2026-10,9000,14.5,18400,2,11.25,62.5,3.5,118\r\n";

        EffectReportFile.Result read = EffectReportFile.read("effects.csv", new StringReader(HEADER + october + GOOD_LINE));

        assertThat(read.reports()).hasSize(2);
        assertThat(read.warnings()).extracting(Finding::code, Finding::line, Finding::field)
                .containsExactly(tuple("EFF-JUMP-001", 2L, "印刷枚数"));
    }

    private static InputRejectedException reject(String content) throws IOException {
        return catchThrowableOfType(() -> EffectReportFile.read("effects.csv", new StringReader(content)),
                InputRejectedException.class);
    }
}
