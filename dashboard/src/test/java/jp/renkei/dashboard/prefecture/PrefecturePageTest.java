package jp.renkei.dashboard.prefecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.dashboard.DashboardWebTest;
import jp.renkei.dashboard.mart.ContractFixture;
import jp.renkei.dashboard.mart.MartFixture;
import jp.renkei.dashboard.security.WithViewer;
import jp.renkei.marts.Mart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The prefecture page over published prefecture_adoption, municipal_adoption and model_region_effect. */
@DashboardWebTest
class PrefecturePageTest {
    static final String RUN_ID = "20261203T000000Z-pref";
    static final Path HOME = publish();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", HOME::toString);
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    @WithViewer("prefecture:31")
    void aPrefectureSeesItsAdoptionItsModelRegionsAgainstTheRestAndItsMunicipalities() {
        assertThat(mvc.get().uri("/prefecture").exchange()).hasRedirectedUrl("/prefecture/31");

        String page = page(mvc.get().uri("/prefecture/31").exchange());

        assertThat(page).contains("鳥取県 のケアプランデータ連携", "基準月: 2026年10月末時点", "2,000", "12.5%",
                "1 / 4", "東部モデル地域", "40.0%", "10.0%", "+20.0pt（+5.0pt〜+35.0pt）", "¥8,000,000",
                "予算は上限内です", "米子市", "100.0%", "1 位");
        assertThat(page).containsSubsequence("米子市", "日吉津村", "鳥取市", "日野町");
        assertThat(page(mvc.get().uri("/prefecture/31?month=2026-09").exchange())).contains("2026年9月末時点",
                "この月のモデル地域はありません");
    }

    @Test
    @WithViewer("prefecture:31")
    void anotherPrefectureIsRefused() {
        MvcTestResult other = mvc.get().uri("/prefecture/13").exchange();
        assertThat(other).hasStatus(403);
        assertThat(mvc.get().uri("/prefecture/48").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/prefecture/31?month=2019-01").exchange()).hasStatus(404);
    }

    @Test
    @WithViewer("office:3110000001")
    void officesAndMunicipalitiesHaveNoPrefecturePage() {
        assertThat(mvc.get().uri("/prefecture").exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/prefecture/31").exchange()).hasStatus(403);
    }

    @Test
    @WithViewer("ministry")
    void theMinistryOpensAnyPrefecture() {
        assertThat(mvc.get().uri("/prefecture?code=31").exchange()).hasRedirectedUrl("/prefecture/31");
        assertThat(page(mvc.get().uri("/prefecture/31").exchange())).contains("鳥取県");
    }

    private static String page(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Path publish() {
        try {
            Path home = Files.createTempDirectory("renkei-prefecture-page-test-");
            MartFixture.publishMunicipalAdoption(home);
            ContractFixture.publish(home, Mart.PREFECTURE_ADOPTION, RUN_ID, List.of(
                    prefecture("2026-09", 200L), prefecture("2026-10", 250L)));
            Map<String, Object> region = new HashMap<>(Map.of("month", "2026-10", "prefecture_code", "31",
                    "region_id", "31-east", "region_name", "東部モデル地域", "months_since_start", 6,
                    "budget_yen", 8_000_000L, "prefecture_budget_yen", 8_000_000L, "within_caps", true,
                    "region_application_rate", 0.4, "comparison_application_rate", 0.1));
            region.putAll(Map.of("did_estimate", 0.2, "did_ci_low", 0.05, "did_ci_high", 0.35));
            ContractFixture.publish(home, Mart.MODEL_REGION_EFFECT, RUN_ID, List.of(region));
            home.toFile().deleteOnExit();
            return home;
        } catch (Exception failure) {
            throw new IllegalStateException("cannot publish the test marts", failure);
        }
    }

    private static Map<String, Object> prefecture(String month, long applied) {
        Map<String, Object> row = new HashMap<>(Map.of("month", month, "denominator_scope", "all_in_scope",
                "prefecture_code", "31", "prefecture_name", "鳥取県", "offices_in_scope", 2000L,
                "offices_applied", applied, "application_rate", applied / 2000.0, "municipalities", 4L,
                "municipalities_at_100", 1L));
        return row;
    }
}
