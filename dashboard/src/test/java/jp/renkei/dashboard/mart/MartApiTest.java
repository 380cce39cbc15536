package jp.renkei.dashboard.mart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jp.renkei.dashboard.DashboardWebTest;
import jp.renkei.dashboard.security.WithViewer;
import jp.renkei.marts.Mart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/** The generic mart API over model_region_effect (prefecture-scoped) and improvement_curve (national). */
@DashboardWebTest
@WithViewer
class MartApiTest {
    static final String RUN_ID = "20261203T000000Z-abcd";
    static final Path HOME = publish();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", HOME::toString);
    }

    @Autowired
    MockMvcTester mvc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aMinistryAnalystGetsEveryRowInKeyOrderNamedAndTypedAsTheContract() throws Exception {
        Map<String, Object> body = body(mvc.get().uri("/api/v1/marts/model_region_effect").exchange());

        assertThat(body).containsEntry("mart", "model_region_effect").containsEntry("mart_run", RUN_ID);
        List<Map<String, Object>> rows = rows(body);
        assertThat(rows).extracting(row -> row.get("region_id") + "/" + row.get("month"))
                .containsExactly("13-a/2026-10", "31-east/2026-10", "13-a/2026-11", "31-east/2026-11");
        assertThat(rows.get(0).keySet()).containsExactlyElementsOf(Mart.MODEL_REGION_EFFECT.columnNames());
        assertThat(rows.get(1)).containsEntry("region_offices", 40).containsEntry("within_caps", true)
                .containsEntry("region_application_rate", 0.25).containsEntry("did_ci_low", null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> columns = (List<Map<String, Object>>) body.get("columns");
        assertThat(columns.get(0)).containsEntry("name", "month").containsEntry("type", "string");
    }

    @Test
    @WithViewer("prefecture:31")
    void aPrefectureSeesOnlyItsOwnRowsAndIsRefusedAnother() throws Exception {
        List<Map<String, Object>> rows = rows(body(mvc.get().uri("/api/v1/marts/model_region_effect?month=2026-11").exchange()));
        assertThat(rows).hasSize(1).allSatisfy(row -> assertThat(row).containsEntry("prefecture_code", "31"));

        MvcTestResult refused = mvc.get().uri("/api/v1/marts/model_region_effect?prefecture_code=13").exchange();
        assertThat(refused).hasStatus(403);
        assertThat(body(refused)).containsEntry("code", "DASH-SCOPE-001");
    }

    @Test
    @WithViewer("prefecture:31")
    void aNationalAggregateIsOpenToEveryRoleAndFiltersByAWholeNumber() throws Exception {
        List<Map<String, Object>> rows = rows(body(mvc.get().uri("/api/v1/marts/improvement_curve?months_since_adoption=1").exchange()));
        assertThat(rows).extracting(row -> row.get("cohort")).containsExactly("FY2025", "all");
        assertThat(rows.get(1)).containsEntry("index_median", 0.8).containsEntry("offices", 12);
    }

    @Test
    void anUnknownMartColumnOrValueIsRefusedWithACodeThatSaysWhatWasWrong() throws Exception {
        MvcTestResult unknownMart = mvc.get().uri("/api/v1/marts/office_secrets").exchange();
        assertThat(unknownMart).hasStatus(404);
        assertThat(body(unknownMart)).containsEntry("code", "DASH-MART-002");
        assertThat((String) body(unknownMart).get("message")).contains("model_region_effect");

        MvcTestResult notAKey = mvc.get().uri("/api/v1/marts/model_region_effect?budget_yen=1").exchange();
        assertThat(notAKey).hasStatus(400);
        assertThat((String) body(notAKey).get("message")).contains("budget_yen", "region_id");

        MvcTestResult injected = mvc.get().uri("/api/v1/marts/model_region_effect?month=2026-11' OR '1'='1").exchange();
        assertThat(injected).hasStatus(400);
        assertThat(body(injected)).containsEntry("code", "DASH-PARAM-001");

        MvcTestResult notANumber = mvc.get().uri("/api/v1/marts/improvement_curve?months_since_adoption=one").exchange();
        assertThat(notANumber).hasStatus(400);
    }

    private Map<String, Object> body(MvcTestResult result) throws Exception {
        return json.readValue(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
                json.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("rows");
    }

    private static Path publish() {
        try {
            Path home = Files.createTempDirectory("renkei-mart-api-test-");
            ContractFixture.publish(home, Mart.MODEL_REGION_EFFECT, RUN_ID, List.of(
                    region("31", "31-east", "2026-10"), region("13", "13-a", "2026-10"),
                    region("31", "31-east", "2026-11"), region("13", "13-a", "2026-11")));
            ContractFixture.publish(home, Mart.IMPROVEMENT_CURVE, RUN_ID, List.of(
                    Map.of("cohort", "all", "months_since_adoption", 1, "offices", 12L, "index_median", 0.8),
                    Map.of("cohort", "FY2025", "months_since_adoption", 1, "offices", 5L),
                    Map.of("cohort", "all", "months_since_adoption", 2, "offices", 12L)));
            home.toFile().deleteOnExit();
            return home;
        } catch (Exception failure) {
            throw new IllegalStateException("cannot publish the test marts", failure);
        }
    }

    private static Map<String, Object> region(String prefecture, String region, String month) {
        return Map.of("prefecture_code", prefecture, "region_id", region, "month", month, "region_offices", 40L,
                "within_caps", true, "region_application_rate", 0.25);
    }
}
