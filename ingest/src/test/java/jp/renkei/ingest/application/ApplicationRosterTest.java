package jp.renkei.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplicationRosterTest {
    private static final String HEADER = "事業所番号,サービス種類コード,申請日,利用開始日,利用終了日,プラン\r\n";
    private static final String GOOD_LINE = "3170100011,43,2025-03-01,2025-03-05,2026-03-04,有償\r\n";

    @Test
    void writtenRosterReadsBackEqual() throws IOException, InputRejectedException {
        List<Application> applications = List.of(
                new Application("3170100011", "43", LocalDate.of(2023, 4, 1), LocalDate.of(2023, 4, 3),
                        LocalDate.of(2024, 4, 2), Application.Plan.PAID),
                new Application("3370100029", "11", LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 1), null,
                        Application.Plan.FREE_PASS));
        StringWriter written = new StringWriter();
        ApplicationRoster.write(written, applications);

        assertThat(written.toString()).startsWith(HEADER)
                .contains("3370100029,11,2025-06-01,2025-06-01,,フリーパス\r\n");
        assertThat(ApplicationRoster.read("roster.csv", new StringReader(written.toString())))
                .containsExactlyElementsOf(applications);
    }

    @Test
    void byteOrderMarkAndBlankLinesAreTolerated() throws IOException, InputRejectedException {
        List<Application> read = ApplicationRoster.read("roster.csv", new StringReader("\uFEFF" + HEADER + "\r\n" + GOOD_LINE));

        assertThat(read).singleElement().satisfies(application -> {
            assertThat(application.officeNumber()).isEqualTo("3170100011");
            assertThat(application.licenseEnd()).isEqualTo(LocalDate.of(2026, 3, 4));
            assertThat(application.toLandingRow())
                    .containsExactly("3170100011", "43", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 5),
                            LocalDate.of(2026, 3, 4), "paid");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        APP-DATE-001   | 3170100029,11,2025-02-30,2025-03-05,,有償                | 3 | 申請日
        APP-DATE-001   | 3170100029,11,2025/03/01,2025-03-05,,有償                | 3 | 申請日
        APP-DATE-002   | 3170100029,11,2023-03-31,2023-04-01,,有償                | 3 | 申請日
        APP-DATE-003   | 3170100029,11,2025-03-01,2025-02-28,,有償                | 4 | 利用開始日
        APP-DATE-004   | 3170100029,11,2025-03-01,2025-03-05,2025-03-04,有償      | 5 | 利用終了日
        APP-REQ-001    | 3170100029,11,2025-03-01,,,有償                          | 4 | 利用開始日
        APP-PLAN-001   | 3170100029,11,2025-03-01,2025-03-05,,無料                | 6 | プラン
        APP-OFFICE-001 | 317010002,11,2025-03-01,2025-03-05,,有償                 | 1 | 事業所番号
        APP-OFFICE-001 | 4870100029,11,2025-03-01,2025-03-05,,有償                | 1 | 事業所番号
        APP-TYPE-001   | 3170100029,1,2025-03-01,2025-03-05,,有償                 | 2 | サービス種類コード
        APP-FIELDS-001 | 3170100029,11,2025-03-01,2025-03-05,有償                 | 0 | ''
        """)
    void badLineIsRejectedWithCodeLineAndField(String code, String badLine, int column, String field) {
        List<Finding> findings = rejection(HEADER + GOOD_LINE + badLine + "\r\n" + GOOD_LINE);

        assertThat(findings).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple(code, 3L, column, field));
        assertThat(findings).allSatisfy(finding -> assertThat(finding.file()).isEqualTo("roster.csv"));
    }

    @Test
    void everyBadLineIsReported() {
        List<Finding> findings = rejection(HEADER + "3170100029,11,2025-02-30,2025-03-05,,有償\r\n" + GOOD_LINE
                + "3170100029,11,2025-03-01,2025-03-05,,無料\r\n");

        assertThat(findings).extracting(Finding::code, Finding::line)
                .containsExactly(tuple("APP-DATE-001", 2L), tuple("APP-PLAN-001", 4L));
    }

    @Test
    void wrongHeaderIsRejected() {
        List<Finding> findings = rejection(HEADER.replace("プラン", "plan") + GOOD_LINE);

        assertThat(findings).extracting(Finding::code, Finding::line).containsExactly(tuple("APP-HEADER-001", 1L));
        assertThat(findings.get(0).messageEn()).contains(Arrays.toString(ApplicationRoster.HEADER.toArray()));
    }

    @Test
    void undecodableBytesAreLeftToTheCallerAsACharsetError() {
        byte[] utf8 = (HEADER + GOOD_LINE).getBytes(StandardCharsets.UTF_8);
        byte[] shiftJis = "3170100029,11,2025-06-02,2025-06-02,,フリーパス\r\n".getBytes(Charset.forName("windows-31j"));
        byte[] content = Arrays.copyOf(utf8, utf8.length + shiftJis.length);
        System.arraycopy(shiftJis, 0, content, utf8.length, shiftJis.length);
        Reader strictUtf8 = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));

        assertThatThrownBy(() -> ApplicationRoster.read("roster.csv", strictUtf8))
                .isInstanceOf(CharacterCodingException.class);
    }

    private static List<Finding> rejection(String content) {
        InputRejectedException rejection = catchThrowableOfType(InputRejectedException.class,
                () -> ApplicationRoster.read("roster.csv", new StringReader(content)));
        assertThat(rejection).as("rejection").isNotNull();
        return rejection.findings();
    }
}
