package jp.renkei.dashboard.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import jp.renkei.dashboard.mart.MartFixture;
import jp.renkei.dashboard.security.WithViewer;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class RankingPageTest extends PublishedMartWebTest {

    @Test
    void theRootRedirectsToTheRanking() {
        assertThat(mvc.get().uri("/").exchange()).hasStatus3xxRedirection().hasRedirectedUrl("/ranking");
    }

    @Test
    void showsTheLatestMonthInJapanese() throws Exception {
        String page = page(mvc.get().uri("/ranking").exchange());

        assertThat(page).contains("市区町村別 ケアプランデータ連携 申請率ランキング", "基準月: 2026年10月末時点",
                "順位", "都道府県", "市区町村", "申請事業所数 / 対象事業所数", "申請率", "稼働率", "3か月変化",
                "全対象サービス", "39 市区町村（うち順位あり 38）");
        assertThat(page).contains("<option value=\"2026-10\" selected=\"selected\">2026年10月</option>",
                "<option value=\"2026-07\">2026年7月</option>");
        assertThat(page).containsSubsequence("米子市", "80 / 80", "100.0%", "62.5%", "+3.8pt");
        assertThat(page).containsSubsequence("鳥取市", "30 / 120", "25.0%");
        assertThat(page).containsSubsequence("日野町", "0 / 0", "—", "—", "—");
        assertThat(page).contains("/definitions?scope=all_in_scope#application_rate", "/ranking/chart.png?month=2026-10");
        assertThat(page).contains("run " + MartFixture.RUN_ID);
    }

    @Test
    void filtersByMonthPrefectureAndScope() throws Exception {
        String page = page(mvc.get().uri("/ranking?month=2026-07&prefecture=31&scope=care_management_only").exchange());

        assertThat(page).contains("基準月: 2026年7月末時点", "居宅介護支援のみ", "県内順位", "4 市区町村（うち順位あり 3）");
        assertThat(page).doesNotContain("テスト市");
        // 鳥取市 in July, care management only: (30 − 3) ÷ 3 = 9 of 120 ÷ 3 = 40.
        assertThat(page).containsSubsequence("鳥取市", "9 / 40", "22.5%");
    }

    @Test
    void sortsOnTheServerWithinTheWhitelist() throws Exception {
        String byOfficesDesc = page(mvc.get().uri("/ranking?prefecture=31&sort=offices&dir=desc").exchange());
        assertThat(byOfficesDesc).containsSubsequence("鳥取市", "米子市", "日吉津村", "日野町");

        String byRateAsc = page(mvc.get().uri("/ranking?prefecture=31&sort=rate&dir=asc").exchange());
        assertThat(byRateAsc).containsSubsequence("鳥取市", "米子市", "日吉津村", "日野町");

        MvcTestResult injected = mvc.get().uri("/ranking").param("sort", "municipality_name; DROP TABLE x").exchange();
        assertThat(injected).hasStatus(400);
        assertThat(page(injected)).contains("DASH-PARAM-001", "sort", "rank, size_class_rank, wilson_rank, rate, active_rate, offices, change, prefecture, name");
    }

    @Test
    void searchesByPartOfTheNameOrTheStartOfTheCode() throws Exception {
        String byName = page(mvc.get().uri("/ranking").param("q", "米子").exchange());
        assertThat(byName).contains("1 市区町村（うち順位あり 1）", "米子市", "絞り込んでも順位は全国の順位のままです")
                .doesNotContain("鳥取市");

        String byCode = page(mvc.get().uri("/ranking?q=3120").exchange());
        assertThat(byCode).contains("2 市区町村", "鳥取市", "米子市").doesNotContain("日吉津村");

        // Plain text, not a pattern: a LIKE wildcard or a quote matches nothing rather than everything or an error.
        assertThat(page(mvc.get().uri("/ranking").param("q", "%").exchange())).contains("該当する市区町村がありません");
        assertThat(page(mvc.get().uri("/ranking").param("q", "x' OR '1'='1").exchange()))
                .contains("該当する市区町村がありません");
    }

    @Test
    void filtersBySizeClassAndLeastOfficesKeepingNationalRanks() throws Exception {
        String small = page(mvc.get().uri("/ranking?size=S").exchange());
        assertThat(small).contains("1 市区町村（うち順位あり 1）", "日吉津村").doesNotContain("米子市", "テスト市");
        // 日吉津村 keeps national rank 1, size-class rank 1 and Wilson rank 11 (5 of 5 is little evidence).
        assertThat(small).containsSubsequence("<td class=\"num\">1</td>", "<td class=\"num\">1</td>", ">11</td>",
                "日吉津村");

        String large = page(mvc.get().uri("/ranking?min_offices=50").exchange());
        assertThat(large).contains("2 市区町村（うち順位あり 2）", "米子市", "鳥取市").doesNotContain("日吉津村");
        assertThat(large).contains("min_offices=50");
    }

    @Test
    void theWilsonRankPutsAFewOfficesBelowManyAtASimilarRate() throws Exception {
        String page = page(mvc.get().uri("/ranking?prefecture=31&sort=wilson_rank").exchange());

        assertThat(page).containsSubsequence("米子市", "日吉津村", "鳥取市", "日野町");
        assertThat(page).contains("小規模補正順位", "規模区分内順位", "/definitions?scope=all_in_scope#wilson_rank");
        String nation = page(mvc.get().uri("/ranking?sort=wilson_rank").exchange());
        assertThat(nation).containsSubsequence("米子市", "テスト市35", "テスト市27", "日吉津村", "テスト市26");
    }

    @Test
    void malformedFiltersAre400NamingTheParameter() throws Exception {
        MvcTestResult size = mvc.get().uri("/ranking?size=XXL").exchange();
        assertThat(size).hasStatus(400);
        assertThat(page(size)).contains("DASH-PARAM-001", "size", "S, M, L, XL, NONE");
        assertThat(mvc.get().uri("/ranking?min_offices=-1").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/ranking").param("q", "あ".repeat(41)).exchange()).hasStatus(400);
    }

    @Test
    @WithViewer("prefecture:31")
    void aPrefectureViewerIsOfferedOnlyItsPrefecture() throws Exception {
        String page = page(mvc.get().uri("/ranking").exchange());

        assertThat(page).contains("都道府県コード 31 のみ", "<option value=\"31\" selected=\"selected\">鳥取県</option>");
        assertThat(page).doesNotContain("東京都", "テスト市", ">全国</option>");

        MvcTestResult other = mvc.get().uri("/ranking?prefecture=13").exchange();
        assertThat(other).hasStatus(403);
        assertThat(page(other)).contains("DASH-SCOPE-001");
    }

    @Test
    void errorsAreJapanesePagesWithTheirCode() throws Exception {
        MvcTestResult result = mvc.get().uri("/ranking?month=2020-01").exchange();

        assertThat(result).hasStatus(404);
        assertThat(page(result)).contains("エラー", "DASH-MONTH-001", "2026-07 から 2026-10 まで");
    }

    private static String page(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
