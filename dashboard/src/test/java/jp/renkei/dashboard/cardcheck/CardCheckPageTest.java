package jp.renkei.dashboard.cardcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
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

/**
 * The card checks page over card_check_activity: in 2026-11 鳥取市 (10 checks, 2 wrong PINs), 米子市 (5, none
 * failed) and 千代田区 (20, one card not placed and two registry outages); in 2026-12 鳥取市 again (4).
 */
@DashboardWebTest
class CardCheckPageTest {
    static final String RUN_ID = "20261203T000000Z-card";
    static final Path HOME = publish();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", HOME::toString);
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    @WithViewer("ministry")
    void theMinistrySeesTheNationsChecksFailureReasonsAndMunicipalities() {
        assertThat(page("/card-checks")).contains("対象月: 2026年12月").containsSubsequence("確認件数", ">4<");

        String november = page("/card-checks?month=2026-11");

        assertThat(november).containsSubsequence("id=\"month-totals\"", "確認件数", "35", "30", "成功率", "85.7%",
                "失敗", ">5<", "確認方法", "18 / 2 / 0");
        assertThat(november).containsSubsequence("id=\"reasons\"", "暗証番号の誤り", "2", "40.0%",
                "資格情報の照会先に接続できない", "2", "40.0%", "カードが置かれなかった", "1", "20.0%");
        assertThat(november).containsSubsequence("id=\"municipalities\"", "千代田区", "20", "鳥取市", "10", "米子市", "5");
        assertThat(november).containsSubsequence("id=\"trend\"", "2026年12月", "2026年11月");
        assertThat(november).doesNotContain("カードリーダーが見つからない");
    }

    @Test
    @WithViewer("ministry")
    void eachTableDownloadsWithThePagesFiguresAndWhatTheyAre() throws Exception {
        MvcTestResult csv = mvc.get().uri("/card-checks.csv?month=2026-11&table=municipalities").exchange();
        assertThat(csv).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        List<String> lines = List.of(new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)
                .substring(1).split("\r\n"));
        assertThat(lines.get(0)).isEqualTo("マイナンバーカードによる資格確認 — 市区町村別（この月、確認件数の多い順）");
        assertThat(lines).contains("基準月,2026年（令和8年）11月（2026-11）", "表示地域,全国")
                .anySatisfy(line -> assertThat(line).startsWith("出典,renkei マート card_check_activity（run " + RUN_ID));
        List<String> table = lines.subList(lines.indexOf("") + 1, lines.size());
        assertThat(table.get(0)).startsWith("市区町村コード,市区町村,都道府県コード,確認した事業所,確認件数,");
        assertThat(table.subList(1, table.size())).containsExactly("131016,千代田区,13,1,20,17,0.85,3",
                "312011,鳥取市,31,1,10,8,0.8,2", "312029,米子市,31,1,5,5,1.0,0");

        MvcTestResult reasons = mvc.get().uri("/card-checks.csv?month=2026-11&table=reasons").exchange();
        assertThat(new String(reasons.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
                .contains("暗証番号の誤り（CARD-OFFICE-004）,2,0.4");

        MvcTestResult xlsx = mvc.get().uri("/card-checks.xlsx?month=2026-11&table=trend").exchange();
        assertThat(xlsx).hasStatusOk();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            int header = sheet.getLastRowNum() - 2;
            assertThat(sheet.getRow(header).getCell(0).getStringCellValue()).isEqualTo("基準月");
            assertThat(sheet.getRow(header + 1).getCell(0).getStringCellValue()).isEqualTo("2026-12");
            assertThat(sheet.getRow(header + 2).getCell(1).getNumericCellValue()).isEqualTo(35.0);
        }

        MvcTestResult unknown = mvc.get().uri("/card-checks.csv?table=everything").exchange();
        assertThat(unknown).hasStatus(400);
        assertThat(unknown.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("DASH-PARAM-001", "municipalities, reasons, trend");
    }

    @Test
    @WithViewer("prefecture:31")
    void aPrefecturesDownloadHoldsItsOwnOnly() throws Exception {
        String csv = new String(mvc.get().uri("/card-checks.csv?month=2026-11&table=municipalities").exchange()
                .getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);

        assertThat(csv).contains("鳥取市", "米子市", "表示地域,都道府県コード 31").doesNotContain("千代田区");
        assertThat(mvc.get().uri("/card-checks.xlsx?month=2026-11&prefecture=13").exchange()).hasStatus(403);
    }

    @Test
    @WithViewer("prefecture:31")
    void aPrefectureSeesItsOwnOnly() {
        String november = page("/card-checks?month=2026-11");

        assertThat(november).containsSubsequence("確認件数", "15", "成功率", "86.7%").contains("鳥取市", "米子市")
                .doesNotContain("千代田区", "資格情報の照会先に接続できない");
        assertThat(mvc.get().uri("/card-checks?prefecture=13").exchange()).hasStatus(403);
    }

    @Test
    @WithViewer("municipality:312029")
    void aMunicipalitySeesItsOwnOfficesOnly() {
        String page = page("/card-checks");

        assertThat(page).contains("対象月: 2026年11月").containsSubsequence("確認件数", ">5<", "成功率", "100.0%")
                .contains("米子市", "この月の失敗はありません。").doesNotContain("鳥取市", "千代田区");
    }

    @Test
    @WithViewer("municipality:313840")
    void aMunicipalityThatHasNotJoinedYetIsToldSo() {
        assertThat(page("/card-checks")).contains("まだ資格確認の記録がありません");
        assertThat(mvc.get().uri("/card-checks?month=2026-11").exchange()).hasStatus(404);
    }

    @Test
    @WithViewer("office:3110000001")
    void anOfficeSeesItsOwnChecks() {
        assertThat(page("/card-checks?month=2026-11")).containsSubsequence("確認件数", "10", "成功率", "80.0%")
                .contains("暗証番号の誤り").doesNotContain("米子市", "千代田区");
    }

    @Test
    @WithViewer("ministry")
    void malformedParametersAndUnknownMonthsSayWhatWasWrong() {
        assertThat(mvc.get().uri("/card-checks?month=2026-13").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/card-checks?prefecture=48").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/card-checks?month=2019-01").exchange()).hasStatus(404);
    }

    private String page(String uri) {
        MvcTestResult result = mvc.get().uri(uri).exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Path publish() {
        try {
            Path home = Files.createTempDirectory("renkei-card-check-page-test-");
            ContractFixture.publish(home, Mart.CARD_CHECK_ACTIVITY, RUN_ID, List.of(
                    checks("2026-11", "3110000001", "312011", "鳥取市", 10, 7, 1,
                            Map.of("failures_wrong_pin", 2L), 8, 2),
                    checks("2026-11", "3110000002", "312029", "米子市", 5, 5, 0, Map.of(), 5, 0),
                    checks("2026-11", "1310000001", "131016", "千代田区", 20, 17, 0,
                            Map.of("failures_no_card_timeout", 1L, "failures_registry_unreachable", 2L), 5, 0),
                    checks("2026-12", "3110000001", "312011", "鳥取市", 4, 4, 0, Map.of(), 4, 0)));
            home.toFile().deleteOnExit();
            return home;
        } catch (Exception failure) {
            throw new IllegalStateException("cannot publish the test marts", failure);
        }
    }

    private static Map<String, Object> checks(String month, String office, String municipality, String name,
            long checks, long eligible, long notEligible, Map<String, Long> failures, long pin, long face) {
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> row = new HashMap<>(Map.of("month", month, "office_number", office,
                "prefecture_code", office.substring(0, 2), "municipality_code", municipality,
                "municipality_name", name, "checks", checks, "successes", eligible + notEligible,
                "eligible", eligible, "not_eligible", notEligible, "failed", failed));
        row.putAll(Map.of("checks_pin", pin, "checks_face", face, "checks_visual", 0L,
                "success_rate", (double) (eligible + notEligible) / checks));
        row.putAll(failures);
        return row;
    }
}
