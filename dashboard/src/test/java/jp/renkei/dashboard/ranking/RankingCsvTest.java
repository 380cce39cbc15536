package jp.renkei.dashboard.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class RankingCsvTest extends PublishedMartWebTest {

    @Test
    void isUtf8WithABomAndAJapaneseHeader() throws Exception {
        MvcTestResult result = mvc.get().uri("/ranking.csv?month=2026-10&prefecture=31").exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = lines(bytes);
        assertThat(lines.get(0)).isEqualTo("基準月,分母の範囲,順位（全国）,都道府県内順位,都道府県コード,都道府県,"
                + "市区町村コード,市区町村,対象事業所数,申請事業所数,申請率（比率: 0.1234 = 12.34%）,稼働事業所数,"
                + "稼働率（比率: 0.1234 = 12.34%）,規模区分,規模区分内順位,3か月変化（比率の差: 0.0123 = 1.23ポイント上昇）");
    }

    @Test
    void holdsThePagesRowsWithRatesAsFractions() throws Exception {
        List<String> lines = lines(mvc.get().uri("/ranking.csv?month=2026-10&prefecture=31").exchange()
                .getResponse().getContentAsByteArray());

        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("2026-10,all_in_scope,1,1,31,鳥取県,312029,米子市,80,80,1.0,50,0.625,L,");
        assertThat(lines.get(3)).isEqualTo("2026-10,all_in_scope,35,3,31,鳥取県,312011,鳥取市,120,30,0.25,20,"
                + "0.16666666666666666,L,2,0.024999999999999994");
        assertThat(lines.get(4)).isEqualTo("2026-10,all_in_scope,,,31,鳥取県,314021,日野町,0,0,,0,,NONE,,");
    }

    @Test
    void isAnAttachmentNamedWithTheMonthAsciiAndJapanese() {
        MvcTestResult result = mvc.get().uri("/ranking.csv?month=2026-09&scope=care_management_only").exchange();

        assertThat(result).hasHeader("Content-Disposition", "attachment; "
                + "filename=\"municipal_adoption_2026-09_care_management_only.csv\"; filename*=UTF-8''"
                + "%E7%94%B3%E8%AB%8B%E7%8E%87%E3%83%A9%E3%83%B3%E3%82%AD%E3%83%B3%E3%82%B0"
                + "_2026-09_care_management_only.csv");
    }

    private static List<String> lines(byte[] bytes) {
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        return List.of(text.split("\r\n"));
    }
}
