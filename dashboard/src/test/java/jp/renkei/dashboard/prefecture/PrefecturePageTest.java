package jp.renkei.dashboard.prefecture;

import static jp.renkei.dashboard.PageResults.page;
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
    void itsModelRegionsAndTrendDownloadWithWhatTheFiguresAre() throws Exception {
        MvcTestResult regions = mvc.get().uri("/prefecture/31.csv?month=2026-10&table=regions").exchange();
        assertThat(regions).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        List<String> lines = List.of(new String(regions.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)
                .substring(1).split("\r\n"));
        assertThat(lines).contains("鳥取県 — モデル地域（地域外の事業所との比較）", "表示地域,鳥取県（31）")
                .anySatisfy(line -> assertThat(line).startsWith("出典,renkei マート model_region_effect（run " + RUN_ID));
        List<String> table = lines.subList(lines.indexOf("") + 1, lines.size());
        assertThat(table.get(0)).startsWith("モデル地域ID,モデル地域,開始月,開始からの月数,");
        assertThat(table.get(1)).startsWith("31-east,東部モデル地域,x,6,").contains(",0.4,0.1,0.2,0.05,0.35,")
                .endsWith(",8000000,8000000,はい");

        MvcTestResult trend = mvc.get().uri("/prefecture/31.xlsx?table=trend").exchange();
        assertThat(trend).hasStatusOk();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(trend.getResponse().getContentAsByteArray()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(sheet.getLastRowNum() - 1).getCell(0).getStringCellValue()).isEqualTo("2026-10");
            assertThat(sheet.getRow(sheet.getLastRowNum() - 1).getCell(2).getNumericCellValue()).isEqualTo(250.0);
        }

        assertThat(mvc.get().uri("/prefecture/13.csv").exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/prefecture/31.csv?table=budget").exchange()).hasStatus(400);
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
