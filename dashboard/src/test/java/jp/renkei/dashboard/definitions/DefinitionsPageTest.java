package jp.renkei.dashboard.definitions;

import static jp.renkei.dashboard.PageResults.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import jp.renkei.dashboard.DashboardWebTest;
import jp.renkei.dashboard.mart.MartFixture;
import jp.renkei.dashboard.security.WithViewer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@DashboardWebTest
@WithViewer
class DefinitionsPageTest {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", () -> home.toString());
    }

    @BeforeAll
    static void publish() throws Exception {
        MartFixture.publishMunicipalAdoption(home);
        FreshnessFixture.writeManifest(home, MartFixture.RUN_ID);
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    void hasOneAnchoredEntryPerIndicator() throws Exception {
        String page = page(mvc.get().uri("/definitions").exchange());

        assertThat(page).contains("id=\"offices_in_scope\">対象事業所<", "id=\"application_rate\">申請率<",
                "id=\"active_rate\">稼働率<", "id=\"size_class\">規模区分<", "id=\"rate_change_3m\">3か月変化<",
                "id=\"national_rank\">順位<", "id=\"wilson_rank\">小規模補正順位<");
    }

    @Test
    void saysTheOfficialFootnoteWasNotFoundAndWhichScopeIsShown() throws Exception {
        String page = page(mvc.get().uri("/definitions?scope=care_management_only").exchange());

        assertThat(page).contains("公式の注記（脚注）は見つかっていません",
                "リンク元の画面で表示していた分母の範囲: 居宅介護支援のみ", "既定は 全対象サービス です");
        assertThat(page).contains("事業所数であり人数ではないため、秘匿していません");
    }

    @Test
    void logsWhatEachLandingDatasetHeldWhenThePublishedRunReadIt() throws Exception {
        String page = page(mvc.get().uri("/definitions").exchange());

        assertThat(page).contains("表示中の集計: run " + MartFixture.RUN_ID,
                "公開日時: 2026年11月26日 14:02 JST。集計対象月: 2023年（令和5年）11月〜2026年（令和8年）10月。");
        assertThat(page).containsSubsequence("事業所一覧（介護サービス情報公表システム）", ">47<", ">28.7 MB<",
                ">2026-11-01<", ">2026年11月1日 12:00 JST<");
        assertThat(page).containsSubsequence("資格確認（カードリーダー）", ">0<", ">0 B<", ">—<", ">—<");
        assertThat(page).containsSubsequence("municipal_adoption", ">125,352<");
    }

    @Test
    void everyIndicatorHasItsNumeratorDenominatorSourceAndReferenceDate() throws Exception {
        String page = page(mvc.get().uri("/definitions").exchange());

        assertThat(page).contains("id=\"savings_yen\">推計効果額<", "id=\"agreement_rate\">予定と実績の一致率<",
                "id=\"productivity_index\">生産性指数（U字カーブ）<", "id=\"success_rate\">資格確認の成功率<");
        assertThat(page).containsSubsequence("id=\"facts\"", "申請率", "その月の末日までにライセンスを申請した対象事業所数",
                "対象事業所数（分母の範囲による）", "municipal_adoption", "各月の末日");
        assertThat(page).containsSubsequence("資格確認の成功率", "資格あり + 認定有効期間外", "確認件数",
                "card_check_activity", "確認日時の日本時間の月");
        // one row per tabulated indicator, after the header row
        String facts = page.substring(page.indexOf("id=\"facts\""), page.indexOf("</table>", page.indexOf("id=\"facts\"")));
        assertThat(facts.split("<tr>", -1).length - 1).isEqualTo(Indicators.TABULATED.size() + 1);
    }

    @Test
    void aBadScopeIs400() {
        assertThat(mvc.get().uri("/definitions?scope=everything").exchange()).hasStatus(400);
    }

}
