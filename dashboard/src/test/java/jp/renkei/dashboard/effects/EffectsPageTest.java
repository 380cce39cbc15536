package jp.renkei.dashboard.effects;

import static jp.renkei.dashboard.PageResults.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import jp.renkei.dashboard.DashboardWebTest;
import jp.renkei.dashboard.chart.SvgChartAssert;
import jp.renkei.dashboard.mart.ContractFixture;
import jp.renkei.dashboard.security.WithViewer;
import jp.renkei.marts.Mart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The effects page: the U-curve of a cohort with its dip and recovery, and agreement summed within the viewer's scope. */
@DashboardWebTest
class EffectsPageTest {
    static final String RUN_ID = "20261203T000000Z-effe";
    static final Path HOME = publish();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", HOME::toString);
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    @WithViewer("ministry")
    void theCurveShowsTheDipAndTheRecoveryAndAgreementSumsEveryOffice() {
        String page = page(mvc.get().uri("/effects").exchange());

        assertThat(page).contains("中央値が最も落ち込むのは導入後 2 か月（指数 0.80）、導入前の水準（1.00）に戻るのは導入後 5 か月",
                "2026年10月", "300", "270（90.0%）", "30（10.0%）");
        assertThat(page(mvc.get().uri("/effects?cohort=FY2025").exchange())).contains("導入後 1 か月（指数 0.90）",
                "まだ導入前の水準（1.00）に戻っていません");
        MvcTestResult unknown = mvc.get().uri("/effects?cohort=FY1999").exchange();
        assertThat(unknown).hasStatus(400);
    }

    @Test
    @WithViewer("prefecture:31")
    void agreementIsSummedOverTheViewersOfficesOnly() {
        assertThat(page(mvc.get().uri("/effects").exchange())).contains("200", "180（90.0%）")
                .doesNotContain("270（90.0%）");
    }

    @Test
    @WithViewer("prefecture:31")
    void theCurveAndTheViewersAgreementDownload() throws Exception {
        MvcTestResult curve = mvc.get().uri("/effects.csv?table=curve").exchange();
        assertThat(curve).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        List<String> lines = List.of(page(curve).substring(1).split("\r\n"));
        assertThat(lines).contains("導入年度（コホート）,全コホート");
        List<String> table = lines.subList(lines.indexOf("") + 1, lines.size());
        // months −1 … 6, at month 2 the dip: quartiles 0.75 / 0.8 / 0.85, half the offices at their baseline
        assertThat(table).hasSize(9);
        assertThat(table).anySatisfy(row -> assertThat(row).startsWith("2,10,0.75").contains(",0.8,0.85").endsWith(",0.5"));

        MvcTestResult agreement = mvc.get().uri("/effects.xlsx?table=agreement").exchange();
        assertThat(agreement).hasStatusOk();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(agreement.getResponse().getContentAsByteArray()))) {
            org.apache.poi.ss.usermodel.Row month = workbook.getSheetAt(0).getRow(workbook.getSheetAt(0).getLastRowNum());
            // 鳥取県's two offices only: 200 planned, 180 matched
            assertThat(month.getCell(2).getNumericCellValue()).isEqualTo(200.0);
            assertThat(month.getCell(3).getNumericCellValue()).isEqualTo(180.0);
            assertThat(month.getCell(7).getNumericCellValue()).isEqualTo(0.9);
        }
    }

    @Test
    @WithViewer("municipality:312029")
    void aMunicipalitySeesTheCurveButNotTheAgreement() {
        assertThat(page(mvc.get().uri("/effects").exchange())).contains("導入後 2 か月", "このロールでは表示できません");
    }

    @Test
    @WithViewer("office:3110000001")
    void theChartIsAPngOfTheAdvertisedSize() throws Exception {
        MvcTestResult chart = mvc.get().uri("/effects/curve.png?cohort=all").exchange();

        assertThat(chart).hasStatusOk().hasContentType("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.getResponse().getContentAsByteArray()));
        assertThat(image.getWidth()).isEqualTo(ImprovementCurveChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ImprovementCurveChart.HEIGHT);

        SvgChartAssert.isTheChartAsSvg(mvc.get().uri("/effects/curve.svg?cohort=all").exchange(),
                ImprovementCurveChart.WIDTH, ImprovementCurveChart.HEIGHT, "コホート all の生産性指数の中央値と 25%〜75% "
                        + "の帯を、導入 6 か月前から導入後 24 か月まで示す折れ線グラフ。落ち込みと回復は上の要約、月ごとの値は下の表のとおり。");
    }


    private static Path publish() {
        try {
            Path home = Files.createTempDirectory("renkei-effects-page-test-");
            List<Map<String, Object>> curve = new ArrayList<>();
            double[] all = {1.0, 0.9, 0.8, 0.85, 0.95, 1.01, 1.05};
            double[] fy2025 = {1.0, 0.9, 0.92, 0.95, 0.97, 0.98, 0.99};
            for (int month = 0; month < all.length; month++) {
                curve.add(Map.of("cohort", "all", "months_since_adoption", month, "offices", 10L,
                        "offices_at_baseline", 5L, "index_p25", all[month] - 0.05, "index_median", all[month],
                        "index_p75", all[month] + 0.05));
                curve.add(Map.of("cohort", "FY2025", "months_since_adoption", month, "offices", 4L,
                        "index_median", fy2025[month]));
            }
            curve.add(Map.of("cohort", "all", "months_since_adoption", -1, "offices", 10L, "index_median", 0.7));
            ContractFixture.publish(home, Mart.IMPROVEMENT_CURVE, RUN_ID, curve);
            ContractFixture.publish(home, Mart.PLAN_ACTUAL_AGREEMENT, RUN_ID, List.of(
                    agreement("3110000001", 120L, 108L), agreement("3110000002", 80L, 72L),
                    agreement("1310000001", 100L, 90L)));
            home.toFile().deleteOnExit();
            return home;
        } catch (Exception failure) {
            throw new IllegalStateException("cannot publish the test marts", failure);
        }
    }

    private static Map<String, Object> agreement(String office, long planned, long matched) {
        return Map.of("month", "2026-10", "office_number", office, "prefecture_code", office.substring(0, 2),
                "planned_lines", planned, "matched_lines", matched, "moved_lines", planned / 10,
                "cancelled_lines", planned - matched - planned / 10);
    }
}
