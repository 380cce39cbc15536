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
import jp.renkei.ingest.reports.ModelRegionMember.MemberType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelRegionFileTest {
    static final String HEADER = "都道府県コード,地域ID,地域名,予算額,開始年月,構成員種別,構成員コード\r\n";
    /** 鳥取市 (312011) and an office of 鳥取県. */
    static final String GOOD = "31,31-east,東部圏域モデル,8500000,2025-07,市町村,312011\r\n"
            + "31,31-east,東部圏域モデル,8500000,2025-07,事業所,3170100011\r\n";

    @Test
    void writtenMembersReadBackEqual() throws IOException, InputRejectedException {
        List<ModelRegionMember> members = List.of(
                new ModelRegionMember("31", "31-east", "東部圏域モデル", 8_500_000, YearMonth.of(2025, 7), MemberType.MUNICIPALITY, "312011"),
                new ModelRegionMember("31", "31-east", "東部圏域モデル", 8_500_000, YearMonth.of(2025, 7), MemberType.OFFICE, "3170100011"),
                new ModelRegionMember("33", "33-a", "岡山,倉敷連携", 0, YearMonth.of(2026, 4), MemberType.OFFICE, "3370100029"));
        StringWriter written = new StringWriter();
        ModelRegionFile.write(written, members);

        assertThat(written.toString()).startsWith(HEADER).contains("33,33-a,\"岡山,倉敷連携\",0,2026-04,事業所,3370100029\r\n");
        ModelRegionFile.Result read = ModelRegionFile.read("regions.csv", new StringReader("\uFEFF" + written));
        assertThat(read.members()).containsExactlyElementsOf(members);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.members().get(0).toLandingRow())
                .containsExactly("31", "31-east", "東部圏域モデル", 8_500_000L, YearMonth.of(2025, 7), "municipality", "312011");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            prefecture not a code       | 48,31-west,西部,1000000,2025-07,事業所,3170100029      | MOD-PREF-001   | 1 | 都道府県コード
            region ID with a space      | 31,31 west,西部,1000000,2025-07,事業所,3170100029      | MOD-ID-001     | 2 | 地域ID
            region name empty           | 31,31-west,,1000000,2025-07,事業所,3170100029          | MOD-REQ-001    | 3 | 地域名
            budget with a separator     | 31,31-west,西部,'1,000,000',2025-07,事業所,3170100029  | MOD-BUDGET-001 | 4 | 予算額
            budget over 8.5M yen        | 31,31-west,西部,8500001,2025-07,事業所,3170100029      | MOD-BUDGET-002 | 4 | 予算額
            start month not real        | 31,31-west,西部,1000000,2025-00,事業所,3170100029      | MOD-MONTH-001  | 5 | 開始年月
            member type unknown         | 31,31-west,西部,1000000,2025-07,施設,3170100029        | MOD-MEMBER-001 | 6 | 構成員種別
            office number wrong         | 31,31-west,西部,1000000,2025-07,事業所,317010002       | MOD-MEMBER-002 | 7 | 構成員コード
            check digit wrong           | 31,31-west,西部,1000000,2025-07,市町村,312012          | MOD-MEMBER-003 | 7 | 構成員コード
            municipality elsewhere      | 31,31-west,西部,1000000,2025-07,市町村,331007          | MOD-MEMBER-004 | 7 | 構成員コード
            region name differs         | 31,31-east,東部,8500000,2025-07,事業所,3170100029      | MOD-REGION-001 | 3 | 地域名
            region budget differs       | 31,31-east,東部圏域モデル,8000000,2025-07,事業所,3170100029 | MOD-REGION-001 | 4 | 予算額
            member listed twice         | 31,31-east,東部圏域モデル,8500000,2025-07,事業所,3170100011 | MOD-DUP-001 | 7 | 構成員コード
            too many fields             | 31,31-west,西部,1000000,2025-07,事業所,3170100029,x    | MOD-FIELDS-001 | 0 | ''
            """)
    void eachProblemIsOneErrorAtItsLineAndField(String title, String line, String code, int column, String field)
            throws IOException {
        InputRejectedException rejected = reject(HEADER + GOOD + line.replace('\'', '"') + "\r\n");

        assertThat(rejected.findings()).extracting(Finding::code, Finding::line, Finding::column, Finding::field)
                .containsExactly(tuple(code, 4L, column, field));
        assertThat(rejected.findings()).allMatch(Finding::isError);
    }

    @Test
    void aPrefecturesModelsMayNotExceedSixtyMillionYenTogether() throws IOException {
        StringBuilder content = new StringBuilder(HEADER);
        for (int region = 1; region <= 8; region++) {
            content.append("31,r").append(region).append(",モデル").append(region).append(",8000000,2025-07,事業所,3170100011\r\n");
        }

        InputRejectedException rejected = reject(content.toString());

        // 7 × 8,000,000 = 56M is fine; the 8th region (line 9) brings the prefecture to 64M.
        assertThat(rejected.findings()).extracting(Finding::code, Finding::line, Finding::field)
                .containsExactly(tuple("MOD-BUDGET-003", 9L, "予算額"));
    }

    @Test
    void anOfficeNumberOfAnotherPrefectureIsOnlyAWarning() throws IOException, InputRejectedException {
        ModelRegionFile.Result read = ModelRegionFile.read("regions.csv",
                new StringReader(HEADER + GOOD + "31,31-east,東部圏域モデル,8500000,2025-07,事業所,3370100029\r\n"));

        assertThat(read.members()).hasSize(3);
        assertThat(read.warnings()).extracting(Finding::code, Finding::line).containsExactly(tuple("MOD-MEMBER-004", 4L));
    }

    @Test
    void aWrongHeaderRejectsTheFile() throws IOException {
        assertThat(reject(HEADER.replace("予算額", "予算") + GOOD).findings()).extracting(Finding::code)
                .containsExactly("MOD-HEADER-001");
        assertThat(reject("").findings()).extracting(Finding::code).containsExactly("MOD-HEADER-001");
    }

    private static InputRejectedException reject(String content) throws IOException {
        return catchThrowableOfType(() -> ModelRegionFile.read("regions.csv", new StringReader(content)),
                InputRejectedException.class);
    }
}
