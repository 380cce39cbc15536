package jp.renkei.dashboard.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicator series over MartFixture's municipal_adoption and two prefectures' totals (鳥取県 100 then 200 of
 * 1,000 applied; 東京都 600 of 3,000 in both months).
 */
@DashboardWebTest
class IndicatorApiTest {
    static final Path HOME = publish();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", HOME::toString);
    }

    @Autowired
    MockMvcTester mvc;

    @Test
    @WithViewer("ministry")
    void aMunicipalitysRateMonthByMonthWithItsCounts() {
        JsonNode series = json(mvc.get().uri("/api/v1/indicators/application_rate?region=312011").exchange());

        assertThat(series.path("level").asString()).isEqualTo("municipality");
        assertThat(series.path("region_name").asString()).isEqualTo("鳥取市");
        assertThat(series.path("numerator").asString()).isEqualTo("offices_applied");
        assertThat(series.path("definition").asString()).isEqualTo("/definitions#application_rate");
        JsonNode points = series.path("points");
        assertThat(points.size()).isEqualTo(4);
        // MartFixture: 鳥取市 applies 30 − (3 − k) of 120 in month k = 0…3 (2026-07…10)
        assertThat(points.get(0).path("month").asString()).isEqualTo("2026-07");
        assertThat(points.get(0).path("numerator").asLong()).isEqualTo(27);
        assertThat(points.get(3).path("value").asDouble()).isEqualTo(0.25);
        assertThat(points.get(3).path("denominator").asLong()).isEqualTo(120);
    }

    @Test
    @WithViewer("office:3110000001")
    void theNationSumsEveryPrefectureAndIsOpenToEveryRole() {
        JsonNode series = json(mvc.get().uri("/api/v1/indicators/application_rate?region=nation&from=2026-10").exchange());

        assertThat(series.path("region_name").asString()).isEqualTo("全国");
        assertThat(series.path("points").size()).isEqualTo(1);
        JsonNode october = series.path("points").get(0);
        assertThat(october.path("numerator").asLong()).isEqualTo(800);
        assertThat(october.path("denominator").asLong()).isEqualTo(4000);
        assertThat(october.path("value").asDouble()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    @WithViewer("prefecture:31")
    void aPrefectureReadsItsOwnAndNoOtherRegion() {
        JsonNode own = json(mvc.get().uri("/api/v1/indicators/active_rate?region=31&to=2026-09").exchange());
        assertThat(own.path("points").size()).isEqualTo(1);
        assertThat(own.path("points").get(0).path("numerator").asLong()).isEqualTo(50);

        assertThat(mvc.get().uri("/api/v1/indicators/application_rate?region=13").exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/indicators/application_rate?region=131016").exchange()).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/indicators/application_rate?region=312029").exchange()).hasStatusOk();
    }

    @Test
    @WithViewer("ministry")
    void aMalformedRequestSaysWhatIsExpected() {
        assertThat(mvc.get().uri("/api/v1/indicators/savings?region=nation").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/indicators/application_rate?region=japan").exchange()).hasStatus(400);
        assertThat(mvc.get().uri("/api/v1/indicators/application_rate?region=nation&from=2026/07").exchange())
                .hasStatus(400);
        MvcTestResult unknown = mvc.get().uri("/api/v1/indicators/application_rate?region=471000").exchange();
        assertThat(unknown).hasStatus(404);
        assertThat(unknown.getResponse().getContentAsByteArray()).asString(StandardCharsets.UTF_8)
                .contains("DASH-REGION-001");
    }

    private static JsonNode json(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return JsonMapper.builder().build().readTree(result.getResponse().getContentAsByteArray());
    }

    private static Path publish() {
        try {
            Path home = Files.createTempDirectory("renkei-indicator-api-test-");
            MartFixture.publishMunicipalAdoption(home);
            ContractFixture.publish(home, Mart.PREFECTURE_ADOPTION, MartFixture.RUN_ID, List.of(
                    prefecture("2026-09", "31", "鳥取県", 1000, 100, 50), prefecture("2026-10", "31", "鳥取県", 1000, 200, 80),
                    prefecture("2026-09", "13", "東京都", 3000, 600, 300), prefecture("2026-10", "13", "東京都", 3000, 600, 300)));
            home.toFile().deleteOnExit();
            return home;
        } catch (Exception failure) {
            throw new IllegalStateException("cannot publish the test marts", failure);
        }
    }

    private static Map<String, Object> prefecture(String month, String code, String name, long offices, long applied,
            long active) {
        return Map.of("month", month, "denominator_scope", "all_in_scope", "prefecture_code", code,
                "prefecture_name", name, "offices_in_scope", offices, "offices_applied", applied,
                "application_rate", (double) applied / offices, "offices_active", active,
                "active_rate", (double) active / offices);
    }
}
