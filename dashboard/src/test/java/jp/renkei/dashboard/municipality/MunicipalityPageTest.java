package jp.renkei.dashboard.municipality;

import static jp.renkei.dashboard.PageResults.body;
import static jp.renkei.dashboard.PageResults.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.renkei.dashboard.DashboardWebTest;
import jp.renkei.dashboard.chart.SvgChartAssert;
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

/**
 * The municipality page over MartFixture's municipal_adoption (鳥取市 312011: 30 of 120 applied, 20 active in
 * 2026-10), prefecture totals (鳥取県 100 of 1,000; 東京都 600 of 3,000: the nation 700 of 4,000 = 17.5%), two
 * service types and three offices' savings (two with net savings).
 */
@DashboardWebTest
class MunicipalityPageTest {
    static final String RUN_ID = "20261203T000000Z-muni";
    static final Path HOME = publish();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", HOME::toString);
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    @WithViewer("municipality:312011")
    void aMunicipalitySeesItsFunnelItsTrendBesidePrefectureAndNationAndItsServiceTypes() {
        assertThat(mvc.get().uri("/municipality").exchange()).hasRedirectedUrl("/municipality/312011");

        String page = page(mvc.get().uri("/municipality/312011").exchange());

        assertThat(page).contains("鳥取県 鳥取市 のケアプランデータ連携", "基準月: 2026年10月末時点");
        // the funnel: 120 in scope, 30 applied (25.0%), 20 active (16.7%), 2 offices with net savings
        assertThat(page).containsSubsequence("対象事業所", "120", "申請した事業所", "30", "25.0%",
                "この月に連携した事業所", "20", "16.7%", "削減額がライセンス費用を上回った事業所", ">2<");
        // the newest month's row: own 25.0%, prefecture 10.0%, nation 17.5%; active own 16.7%, 5.0%, 8.8% (350/4,000)
        assertThat(page).containsSubsequence("id=\"trend\"", "2026年10月", "25.0%", "10.0%", "17.5%", "16.7%",
                "5.0%", "8.8%", "2026年9月");
        // service types by their office count: 訪問介護 (80) before 居宅介護支援 (40)
        assertThat(page).containsSubsequence("11 訪問介護", "80", "12.5%", "43 居宅介護支援", "40", "50.0%");
        assertThat(page).contains("/municipality/312011/trend.png?scope=all_in_scope");
    }

    @Test
    @WithViewer("municipality:312011")
    void anotherMonthAndScopeAreChosenByParameter() {
        String july = page(mvc.get().uri("/municipality/312011?month=2026-07&scope=care_management_only").exchange());

        // care_management_only divides the fixture's counts by 3: 40 in scope, 9 applied
        assertThat(july).contains("2026年7月末時点", "居宅介護支援のみ").containsSubsequence("対象事業所", "40",
                "申請した事業所", "9", "22.5%");
        assertThat(july).contains("この月、対象のサービス種類の事業所はありません。");
    }

    @Test
    @WithViewer("municipality:312011")
    void anotherMunicipalityOrPrefectureIsRefused() {
        assertThat(mvc.get().uri("/municipality/312029").exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/municipality/131016").exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/municipality/312029/trend.png").exchange()).hasStatus(403);
    }

    @Test
    @WithViewer("ministry")
    void badCodesMonthsAndUnknownMunicipalitiesSayWhatWasWrong() {
        MvcTestResult malformed = mvc.get().uri("/municipality/99999").exchange();
        assertThat(malformed).hasStatus(400);
        assertThat(body(malformed)).contains("DASH-PARAM-001", "6 桁の全国地方公共団体コード");
        MvcTestResult unknown = mvc.get().uri("/municipality/319999").exchange();
        assertThat(unknown).hasStatus(404);
        assertThat(body(unknown)).contains("DASH-MUNI-001", "319999");
        assertThat(mvc.get().uri("/municipality/312011?month=2019-01").exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/municipality/312011?month=2026-13").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/municipality?code=312011").exchange()).hasRedirectedUrl("/municipality/312011");
    }

    @Test
    @WithViewer("prefecture:31")
    void theTrendChartIsAPngOfThePageAndAnSvgForReports() throws Exception {
        MvcTestResult chart = mvc.get().uri("/municipality/312011/trend.png").exchange();

        assertThat(chart).hasStatusOk().hasContentType("image/png");
        byte[] png = chart.getResponse().getContentAsByteArray();
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(png.length).isGreaterThan(10_000);
        SvgChartAssert.isTheChartAsSvg(mvc.get().uri("/municipality/312011/trend.svg").exchange(),
                MunicipalityTrendChart.WIDTH, MunicipalityTrendChart.HEIGHT,
                "鳥取市 の申請率を 鳥取県 と全国と比べる月別の折れ線グラフ。値は下の表のとおり。");
        assertThat(mvc.get().uri("/municipality/131016/trend.svg").exchange()).hasStatus(403);
    }

    @Test
    @WithViewer("office:3110000001")
    void officesHaveNoMunicipalityPage() {
        assertThat(mvc.get().uri("/municipality").exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/municipality/312011").exchange()).hasStatus(403);
    }

    @Test
    @WithViewer("municipality:312011")
    void itsTablesDownloadWithThePagesFigures() throws Exception {
        MvcTestResult trend = mvc.get().uri("/municipality/312011.csv?month=2026-10&table=trend").exchange();
        assertThat(trend).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        List<String> lines = List.of(new String(trend.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)
                .substring(1).split("\r\n"));
        assertThat(lines).contains("鳥取市 — 申請率と稼働率の推移（都道府県・全国との比較）", "表示地域,鳥取県 鳥取市（312011）",
                "基準月,2026年（令和8年）10月末時点（2026-10）");
        List<String> table = lines.subList(lines.indexOf("") + 1, lines.size());
        assertThat(table.get(0)).startsWith("基準月,対象事業所数,申請事業所数,申請率").contains(",鳥取県 申請率",
                ",全国 申請率");
        // the newest month as on the page: own 25.0%, prefecture 10.0%, nation 17.5%; active 16.7%, 5.0%, 8.75%
        assertThat(table.get(1)).startsWith("2026-10,120,30,0.25,0.1,0.175,20,0.16666666666666666,0.05,0.0875");

        MvcTestResult types = mvc.get().uri("/municipality/312011.xlsx?month=2026-10&table=service_types").exchange();
        assertThat(types).hasStatusOk();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(types.getResponse().getContentAsByteArray()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            int first = sheet.getLastRowNum() - 1;
            assertThat(sheet.getRow(first).getCell(1).getStringCellValue()).isEqualTo("訪問介護");
            assertThat(sheet.getRow(first).getCell(2).getNumericCellValue()).isEqualTo(80.0);
            assertThat(sheet.getRow(first + 1).getCell(0).getStringCellValue()).isEqualTo("43");
        }

        assertThat(mvc.get().uri("/municipality/312029.csv").exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/municipality/312011.csv?table=offices").exchange()).hasStatus(400);
    }



    private static Path publish() {
        try {
            Path home = Files.createTempDirectory("renkei-municipality-page-test-");
            MartFixture.publishMunicipalAdoption(home);
            ContractFixture.publish(home, Mart.PREFECTURE_ADOPTION, RUN_ID, List.of(
                    prefecture("2026-09", "31", 1000, 90, 40), prefecture("2026-10", "31", 1000, 100, 50),
                    prefecture("2026-09", "13", 3000, 500, 250), prefecture("2026-10", "13", 3000, 600, 300)));
            ContractFixture.publish(home, Mart.MUNICIPAL_SERVICE_ADOPTION, RUN_ID, List.of(
                    serviceType("43", "居宅介護支援", 40, 20, 10), serviceType("11", "訪問介護", 80, 10, 10)));
            ContractFixture.publish(home, Mart.OFFICE_SAVINGS, RUN_ID, List.of(
                    savings("3110000001", 1_000.0), savings("3110000002", -500.0), savings("3110000003", 200.0)));
            home.toFile().deleteOnExit();
            return home;
        } catch (Exception failure) {
            throw new IllegalStateException("cannot publish the test marts", failure);
        }
    }

    private static Map<String, Object> prefecture(String month, String code, long offices, long applied, long active) {
        return new HashMap<>(Map.of("month", month, "denominator_scope", "all_in_scope", "prefecture_code", code,
                "offices_in_scope", offices, "offices_applied", applied, "offices_active", active));
    }

    private static Map<String, Object> serviceType(String type, String name, long offices, long applied, long active) {
        Map<String, Object> row = new HashMap<>(Map.of("month", "2026-10", "prefecture_code", "31",
                "municipality_code", "312011", "service_type", type, "service_type_name", name,
                "offices_in_scope", offices, "offices_applied", applied, "offices_active", active));
        row.put("application_rate", (double) applied / offices);
        row.put("active_rate", (double) active / offices);
        return row;
    }

    private static Map<String, Object> savings(String office, double netSavings) {
        return Map.of("month", "2026-10", "office_number", office, "prefecture_code", "31",
                "municipality_code", "312011", "net_savings_yen", netSavings);
    }
}
