package jp.renkei.dashboard.office;

import static jp.renkei.dashboard.PageResults.body;
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
import jp.renkei.dashboard.security.WithViewer;
import jp.renkei.marts.Mart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The office page over published office_savings, plan_actual_agreement, improvement_office and improvement_curve. */
@DashboardWebTest
class OfficePageTest {
    static final String RUN_ID = "20261203T000000Z-offi";
    static final Path HOME = publish();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", HOME::toString);
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    @WithViewer("office:3110000001")
    void anOfficeGoesToItsOwnPageShowingTheModelBesideItsReports() throws Exception {
        assertThat(mvc.get().uri("/").exchange()).hasRedirectedUrl("/office");
        assertThat(mvc.get().uri("/office").exchange()).hasRedirectedUrl("/office/3110000001");

        String page = page(mvc.get().uri("/office/3110000001").exchange());

        assertThat(page).contains("事業所 3110000001 の連携と削減効果", "対象年月: 2026年10月",
                "連携先があと 2 事業所で 5 事業所になり", "2,100 枚", "¥12,346", "¥10,596", "1,300", "2,100", "7.2", "18.0",
                "91.7%", "コホート FY2025（導入 2026年4月）: 落ち込みの深さ 20.0%", "最も落ち込んだのは導入後 2 か月",
                "導入前の水準に戻ったのは導入後 5 か月です");
        assertThat(page).containsSubsequence("居宅介護支援費(Ⅱ)による報酬の変化", "140 / 3.0", "46.7", "¥36,975");
        assertThat(page).containsSubsequence("2026年10月", "2026年9月");
    }

    @Test
    @WithViewer("office:3110000001")
    void anOfficeDownloadsItsMonthsAndItsCurveWithTheModelAndItsReportsApart() throws Exception {
        MvcTestResult history = mvc.get().uri("/office/3110000001.csv?table=history").exchange();
        assertThat(history).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        List<String> lines = List.of(body(history).substring(1).split("\r\n"));
        assertThat(lines).contains("表示地域,事業所 3110000001 の連携と削減効果")
                .anySatisfy(line -> assertThat(line).startsWith("出典,renkei マート office_savings（run " + RUN_ID));
        List<String> table = lines.subList(lines.indexOf("") + 1, lines.size());
        assertThat(table.get(0)).startsWith("基準月,送信ファイル数,受信ファイル数,連携先事業所数,")
                .contains(",推計効果額,", ",自己申告 印刷枚数（枚/月）,");
        assertThat(table).hasSize(3);
        // whole counts stay whole (3 partners, not 3.0); the model and the reports are separate columns
        assertThat(table.get(1)).isEqualTo("2026-10,0,0,3,0,2100.0,0.5,0.5,0.5,12345.5,1750.0,10595.5,1300.0,2100.0,7.2,18.0,"
                + "140,3.0,46.666666666666664,36975.0");
        assertThat(table.get(2)).startsWith("2026-09,");

        MvcTestResult curve = mvc.get().uri("/office/3110000001.xlsx?table=curve").exchange();
        assertThat(curve).hasStatusOk();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(curve.getResponse().getContentAsByteArray()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            org.apache.poi.ss.usermodel.Row dip = sheet.getRow(sheet.getLastRowNum() - 1);
            assertThat(dip.getCell(0).getNumericCellValue()).isEqualTo(2.0);
            assertThat(dip.getCell(2).getNumericCellValue()).isEqualTo(0.8);
            assertThat(dip.getCell(4).getNumericCellValue()).isEqualTo(0.85);
        }

        assertThat(mvc.get().uri("/office/3110000002.csv").exchange()).hasStatus(403);
    }

    @Test
    @WithViewer("office:3110000001")
    void anOfficeCannotOpenAnotherOffice() {
        MvcTestResult other = mvc.get().uri("/office/3110000002").exchange();

        assertThat(other).hasStatus(403);
        assertThat(body(other)).contains("DASH-SCOPE-001");
    }

    @Test
    @WithViewer("office:3110000001")
    void anEarlierMonthIsChosenAndAnUnknownOneNamesTheRange() {
        assertThat(page(mvc.get().uri("/office/3110000001?month=2026-09").exchange()))
                .contains("対象年月: 2026年9月", "連携先が 5 事業所以上です");
        MvcTestResult unknown = mvc.get().uri("/office/3110000001?month=2025-01").exchange();
        assertThat(unknown).hasStatus(404);
        assertThat(body(unknown)).contains("DASH-MONTH-001", "2026-09", "2026-10");
        assertThat(mvc.get().uri("/office/3110000001?month=October").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/office/31100").exchange()).hasStatus(400);
    }

    @Test
    @WithViewer("prefecture:31")
    void aPrefectureOpensItsOfficesOnly() {
        assertThat(mvc.get().uri("/office").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/office?number=3110000002").exchange()).hasRedirectedUrl("/office/3110000002");
        assertThat(page(mvc.get().uri("/office/3110000002").exchange())).contains("事業所 3110000002",
                "この事業所の効果報告はありません");
        assertThat(mvc.get().uri("/office/1310000001").exchange()).hasStatus(403);
    }

    @Test
    @WithViewer("municipality:312029")
    void aMunicipalitySeesItsOfficesWithoutTheSectionsItsRoleMayNotRead() {
        assertThat(page(mvc.get().uri("/office/3110000001").exchange())).contains("¥12,346", "このロールでは表示できません")
                .doesNotContain("コホート FY2025");
        MvcTestResult elsewhere = mvc.get().uri("/office/3110000002").exchange();
        assertThat(elsewhere).hasStatus(404);
        assertThat(body(elsewhere)).contains("DASH-OFFICE-001");
    }



    private static Path publish() {
        try {
            Path home = Files.createTempDirectory("renkei-office-page-test-");
            ContractFixture.publish(home, Mart.OFFICE_SAVINGS, RUN_ID, List.of(
                    savings("3110000001", "312029", "2026-09", 5L),
                    savings("3110000001", "312029", "2026-10", 3L),
                    savings("3110000002", "312011", "2026-10", 1L),
                    savings("1310000001", "131016", "2026-10", 7L)));
            ContractFixture.publish(home, Mart.PLAN_ACTUAL_AGREEMENT, RUN_ID, List.of(Map.of("month", "2026-10",
                    "office_number", "3110000001", "prefecture_code", "31", "planned_lines", 120L,
                    "matched_lines", 110L, "agreement_rate", 110.0 / 120)));
            ContractFixture.publish(home, Mart.IMPROVEMENT_OFFICE, RUN_ID, List.of(
                    improvement(-1, "2026-03", 1.0), improvement(2, "2026-06", 0.8), improvement(5, "2026-09", 1.02)));
            ContractFixture.publish(home, Mart.IMPROVEMENT_CURVE, RUN_ID, List.of(
                    Map.of("cohort", "FY2025", "months_since_adoption", 2, "offices", 9L, "index_p25", 0.7,
                            "index_median", 0.85, "index_p75", 0.93)));
            home.toFile().deleteOnExit();
            return home;
        } catch (Exception failure) {
            throw new IllegalStateException("cannot publish the test marts", failure);
        }
    }

    private static Map<String, Object> savings(String office, String municipality, String month, long partners) {
        Map<String, Object> row = new HashMap<>(Map.of("month", month, "office_number", office,
                "prefecture_code", office.substring(0, 2), "municipality_code", municipality,
                "linked_partners", partners, "partners_to_bonus", Math.max(0, 5 - partners),
                "sheets_saved", 2100.0, "savings_yen", 12345.5, "license_yen", 1750.0, "net_savings_yen", 10595.5));
        row.putAll(Map.of("reported_sheets_printed", 1300.0, "baseline_sheets_printed", 2100.0,
                "reported_input_hours", 7.2, "baseline_input_hours", 18.0, "reported_users", 140L,
                "reported_care_managers_fte", 3.0, "cases_per_care_manager", 140 / 3.0,
                "band_ii_revenue_effect_yen", 36_975.0));
        return row;
    }

    private static Map<String, Object> improvement(int since, String month, double index) {
        Map<String, Object> row = new HashMap<>(Map.of("office_number", "3110000001", "prefecture_code", "31",
                "cohort", "FY2025", "adoption_month", "2026-04", "month", month, "months_since_adoption", since,
                "productivity_index", index, "dip_depth", 0.2, "dip_month", 2));
        row.put("recovered_month", 5);
        return row;
    }
}
