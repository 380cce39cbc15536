package jp.renkei.ingest.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.YearMonth;
import java.util.List;
import jp.renkei.ingest.finding.Finding;
import jp.renkei.ingest.finding.InputRejectedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardRolloutFileTest {
    static final String HEADER = "市町村コード,開始年月\r\n";
    /** 鳥取市 (312011) starts in the first month the portal announced. */
    static final String GOOD = "312011,2026-11\r\n";

    @Test
    void writtenStartsReadBackEqual() throws IOException, InputRejectedException {
        List<CardRolloutFile.Start> starts = List.of(new CardRolloutFile.Start("312011", YearMonth.of(2026, 11)),
                new CardRolloutFile.Start("331007", YearMonth.of(2027, 4)));
        StringWriter written = new StringWriter();
        CardRolloutFile.write(written, starts);

        assertThat(written.toString()).isEqualTo(HEADER + GOOD + "331007,2027-04\r\n");
        CardRolloutFile.Result read = CardRolloutFile.read("rollout.csv", new StringReader("\uFEFF" + written));
        assertThat(read.starts()).containsExactlyElementsOf(starts);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.starts().get(0).toLandingRow()).containsExactly("312011", YearMonth.of(2026, 11));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            check digit wrong        | 312012,2027-01    | ROL-CODE-001   | 1 | 市町村コード
            code too short           | 31201,2027-01     | ROL-CODE-001   | 1 | 市町村コード
            month not real           | 331007,2027-13    | ROL-MONTH-001  | 2 | 開始年月
            month with a day         | 331007,2027-01-01 | ROL-MONTH-001  | 2 | 開始年月
            municipality twice       | 312011,2027-01    | ROL-DUP-001    | 1 | 市町村コード
            too few fields           | 331007            | ROL-FIELDS-001 | 0 | ''
            """)
    void eachProblemIsOneErrorAtItsLineAndField(String title, String line, String code, int column, String field)
            throws IOException {
        InputRejectedException rejected = catchThrowableOfType(
                () -> CardRolloutFile.read("rollout.csv", new StringReader(HEADER + GOOD + line + "\r\n")),
                InputRejectedException.class);

        assertThat(rejected.findings()).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple(code, 3L, column, field));
    }

    @Test
    void aStartBeforeTheLawTookEffectIsOnlyAWarning() throws IOException, InputRejectedException {
        CardRolloutFile.Result read = CardRolloutFile.read("rollout.csv",
                new StringReader(HEADER + GOOD + "331007,2026-03\r\n"));

        assertThat(read.starts()).hasSize(2);
        assertThat(read.warnings()).extracting(Finding::code, Finding::line, Finding::field)
                .containsExactly(tuple("ROL-MONTH-002", 3L, "開始年月"));
    }
}
