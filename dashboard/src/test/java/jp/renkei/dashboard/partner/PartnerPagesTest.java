package jp.renkei.dashboard.partner;

import static jp.renkei.dashboard.PageResults.body;
import static jp.renkei.dashboard.PageResults.page;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * "Who to invite next" on the office and prefecture pages, the invitation lists, and small person counts hidden below
 * the ministry and in every export. Care manager 3110000001 shares 12 persons with the day-care 3120000019 and 2 with
 * the home-nursing 3120000027; in the prefecture, 019 is wanted first (2 adopting partners, 15 persons).
 */
@DashboardWebTest
class PartnerPagesTest {
    static final String RUN_ID = "20261204T000000Z-part";
    static final Path HOME = publish();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", HOME::toString);
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    @WithViewer("office:3110000001")
    void anOfficeSeesWhoToInviteMostPersonsFirstWithSmallCountsHidden() {
        String page = page(mvc.get().uri("/office/3110000001").exchange());

        assertThat(page).containsSubsequence("次に連携を呼びかける事業所", "招待リスト", "デイサービスひかり", "通所介護",
                "12", "¥4,321", "訪問看護ステーションあおぞら", "&lt;3");
        assertThat(page).doesNotContain("1320000011");
    }

    @Test
    @WithViewer("office:3110000001")
    void theOfficesInvitationListHoldsEveryPartnerWithSmallCountsHidden() throws Exception {
        MvcTestResult csv = mvc.get().uri("/office/3110000001/invitations.csv?month=2026-10").exchange();
        assertThat(csv).hasStatusOk().hasContentTypeCompatibleWith("text/csv");
        List<String> lines = List.of(body(csv).substring(1).split("\r\n"));
        assertThat(lines).contains("秘匿処理,利用者数が1〜2の値は「<3」と表示しています（公的統計の秘匿処理にならう）。0はそのまま表示します。");
        List<String> table = lines.subList(lines.indexOf("") + 1, lines.size());
        assertThat(table.get(0)).startsWith("順位,事業所番号,事業所名,サービス種類コード,サービス種類,所在市区町村コード,共有する利用者数,");
        assertThat(table.get(1)).startsWith("1,3120000019,デイサービスひかり,15,通所介護,312011,12,40,");
        assertThat(table.get(2)).startsWith("2,3120000027,訪問看護ステーションあおぞら,13,訪問看護,312029,<3,");
        assertThat(table).hasSize(3);

        assertThat(mvc.get().uri("/office/3110000002/invitations.csv?month=2026-10").exchange()).hasStatus(403);
        MvcTestResult noMonth = mvc.get().uri("/office/3110000001/invitations.csv").exchange();
        assertThat(noMonth).hasStatus(400);
        assertThat(body(noMonth)).contains("DASH-PARAM-001", "month");
    }

    @Test
    @WithViewer("prefecture:31")
    void aPrefectureSeesItsMostWantedOfficesItsNetworkAndWhatItsRegionsWouldGain() {
        String page = page(mvc.get().uri("/prefecture/31").exchange());

        assertThat(page).containsSubsequence("連携を広げる候補", "県全体", "340", "12 / 30", "45.0%",
                "モデル地域 東部モデル地域", "41", "7 / 9", "60.0%",
                "デイサービスひかり", "15", "訪問看護ステーションあおぞら", "&lt;3",
                "モデル地域で上位の事業所が参加したら", "東部モデル地域", "上位5（該当 2）", "40.0% → 46.0%", "17",
                "45.0% → 70.0%");
    }

    @Test
    @WithViewer("prefecture:31")
    void thePrefecturesInvitationListIsAWorkbookWithSmallCountsHidden() throws Exception {
        MvcTestResult xlsx = mvc.get().uri("/prefecture/31/invitations.xlsx?month=2026-10").exchange();
        assertThat(xlsx).hasStatusOk();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(
                xlsx.getResponse().getContentAsByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            var last = sheet.getRow(sheet.getLastRowNum());
            var first = sheet.getRow(sheet.getLastRowNum() - 1);
            assertThat(first.getCell(2).getStringCellValue()).isEqualTo("3120000019");
            assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(15.0);
            assertThat(last.getCell(2).getStringCellValue()).isEqualTo("3120000027");
            assertThat(last.getCell(8).getStringCellValue()).isEqualTo("<3");
        }
        assertThat(mvc.get().uri("/prefecture/13/invitations.xlsx?month=2026-10").exchange()).hasStatus(403);
    }

    @Test
    @WithViewer("ministry")
    void theMinistrySeesSmallCountsOnScreenButNeverInAnExport() {
        assertThat(page(mvc.get().uri("/prefecture/31").exchange())).doesNotContain("&lt;3");
        assertThat(body(mvc.get().uri("/prefecture/31/invitations.csv?month=2026-10").exchange()))
                .contains(",3120000027,").contains(",<3,");
    }

    @Test
    @WithViewer("prefecture:31")
    void theMartApiHidesSmallCountsBelowTheMinistry() {
        MvcTestResult json = mvc.get().uri("/api/v1/marts/partner_most_wanted?prefecture_code=31").exchange();
        assertThat(json).hasStatusOk();
        assertThat(body(json)).contains("\"persons_shared\":15").contains("\"persons_shared\":\"<3\"");
    }

    @Test
    @WithViewer("ministry")
    void theMartApiShowsTheMinistryEveryCountWithoutSharingTheOtherRolesAnswer() {
        String json = body(mvc.get().uri("/api/v1/marts/partner_most_wanted?prefecture_code=31").exchange());
        assertThat(json).contains("\"persons_shared\":2").doesNotContain("<3");
    }

    @Test
    @WithViewer("municipality:312011")
    void aMunicipalitySeesItsOfficesInvitationsButNoPrefectureList() {
        assertThat(mvc.get().uri("/prefecture/31/invitations.csv?month=2026-10").exchange()).hasStatus(403);
        assertThat(page(mvc.get().uri("/office/3110000001").exchange())).contains("デイサービスひかり", "&lt;3");
    }



    private static Path publish() {
        try {
            Path home = Files.createTempDirectory("renkei-partner-pages-test-");
            MartFixture.publishMunicipalAdoption(home);
            ContractFixture.publish(home, Mart.PREFECTURE_ADOPTION, RUN_ID, List.of(Map.of("month", "2026-10",
                    "denominator_scope", "all_in_scope", "prefecture_code", "31", "prefecture_name", "鳥取県",
                    "offices_in_scope", 2000L, "offices_applied", 250L, "application_rate", 0.125)));
            ContractFixture.publish(home, Mart.MODEL_REGION_EFFECT, RUN_ID, List.of());
            ContractFixture.publish(home, Mart.OFFICE_SAVINGS, RUN_ID, List.of(Map.of("month", "2026-10",
                    "office_number", "3110000001", "prefecture_code", "31", "municipality_code", "312011")));
            ContractFixture.publish(home, Mart.PARTNER_OPPORTUNITIES, RUN_ID, List.of(
                    opportunity("3120000027", "訪問看護ステーションあおぞら", "13", "訪問看護", "312029", 2L, 1_234.0),
                    opportunity("3120000019", "デイサービスひかり", "15", "通所介護", "312011", 12L, 4_321.0)));
            ContractFixture.publish(home, Mart.PARTNER_MOST_WANTED, RUN_ID, List.of(
                    wanted("3120000019", "デイサービスひかり", "15", "通所介護", "312011", 2L, 15L, 1),
                    wanted("3120000027", "訪問看護ステーションあおぞら", "13", "訪問看護", "312029", 1L, 2L, 2),
                    wanted("1320000011", "よその事業所", "15", "通所介護", "131016", 3L, 40L, 1)));
            ContractFixture.publish(home, Mart.NETWORK_MEASURES, RUN_ID, List.of(Map.of("month", "2026-10",
                    "area_type", "prefecture", "area_code", "31", "prefecture_code", "31", "linked_pairs", 340L,
                    "linked_offices", 30L, "largest_group", 12L, "linked_line_share", 0.45),
                    Map.of("month", "2026-10", "area_type", "model_region", "area_code", "31-east",
                            "area_name", "東部モデル地域", "prefecture_code", "31", "linked_pairs", 41L,
                            "linked_offices", 9L, "largest_group", 7L, "linked_line_share", 0.6)));
            Map<String, Object> scenario = new HashMap<>(Map.of("month", "2026-10", "area_type", "model_region",
                    "area_code", "31-east", "area_name", "東部モデル地域", "prefecture_code", "31", "top_n", 5,
                    "recruited_offices", 2L, "application_rate", 0.40, "application_rate_after", 0.46,
                    "persons_added", 17L));
            scenario.putAll(Map.of("savings_added_yen", 5_555.0, "linked_line_share", 0.45,
                    "linked_line_share_after", 0.70));
            ContractFixture.publish(home, Mart.RECRUITMENT_SCENARIOS, RUN_ID, List.of(scenario));
            home.toFile().deleteOnExit();
            return home;
        } catch (Exception failure) {
            throw new IllegalStateException("cannot publish the test marts", failure);
        }
    }

    private static Map<String, Object> opportunity(String partner, String name, String type, String typeName,
            String municipality, long persons, double savings) {
        Map<String, Object> row = new HashMap<>(Map.of("month", "2026-10", "prefecture_code", "31",
                "municipality_code", "312011", "office_number", "3110000001", "partner_office_number", partner,
                "partner_service_type", type, "partner_service_type_name", typeName, "partner_name", name,
                "partner_prefecture_code", "31", "partner_municipality_code", municipality));
        row.putAll(Map.of("persons_shared", persons, "partner_lines", persons * 10 / 3, "plan_lines", persons * 9,
                "documents", persons * 2, "savings_yen", savings));
        return row;
    }

    private static Map<String, Object> wanted(String office, String name, String type, String typeName,
            String municipality, long partners, long persons, int rank) {
        Map<String, Object> row = new HashMap<>(Map.of("month", "2026-10", "prefecture_code", office.substring(0, 2),
                "municipality_code", municipality, "office_number", office, "service_type", type,
                "service_type_name", typeName, "office_name", name, "adopting_partners", partners,
                "persons_shared", persons, "savings_yen", persons * 300.0));
        row.putAll(Map.of("prefecture_rank", rank, "municipality_rank", 1, "partner_lines", persons * 3));
        return row;
    }
}
