package jp.renkei.dashboard.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jp.renkei.dashboard.DashboardWebTest;
import jp.renkei.dashboard.mart.ContractFixture;
import jp.renkei.dashboard.mart.MartFixture;
import jp.renkei.marts.Mart;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/**
 * Every role against every page, API, export and chart endpoint: what it may read answers 200 with its own rows only;
 * what it may not answers 403 with the scope code, whatever the URL asks for (ARCHITECTURE §8).
 */
@DashboardWebTest
class RoleAccessTest {
    static final String RUN_ID = "20261203T000000Z-role";
    static final Path HOME = publish();

    private static final String MINISTRY = "ministry";
    private static final String TOTTORI = "prefecture:31";
    private static final String YONAGO = "municipality:312029";
    private static final String OFFICE = "office:3110000001";

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("renkei.home", HOME::toString);
    }

    @Autowired
    MockMvcTester mvc;

    private final JsonMapper json = JsonMapper.builder().build();

    static Stream<Arguments> endpoints() {
        return Stream.of(
                // role, URL, status, the error code or, for JSON rows, the expected value of one column in every row
                Arguments.of(MINISTRY, "/ranking?month=2026-10", 200, null),
                Arguments.of(MINISTRY, "/ranking.csv?month=2026-10", 200, null),
                Arguments.of(MINISTRY, "/ranking.xlsx?month=2026-10", 200, null),
                Arguments.of(MINISTRY, "/ranking/chart.png?month=2026-10", 200, null),
                Arguments.of(MINISTRY, "/api/v1/municipal-adoption?month=2026-10", 200, null),
                Arguments.of(MINISTRY, "/api/v1/marts/office_savings", 200, null),
                Arguments.of(MINISTRY, "/api/v1/marts/plan_actual_agreement", 200, null),
                Arguments.of(TOTTORI, "/ranking?month=2026-10", 200, null),
                Arguments.of(TOTTORI, "/ranking?month=2026-10&prefecture=13", 403, "DASH-SCOPE-001"),
                Arguments.of(TOTTORI, "/ranking.csv?month=2026-10&prefecture=13", 403, "DASH-SCOPE-001"),
                Arguments.of(TOTTORI, "/ranking.xlsx?month=2026-10&prefecture=13", 403, "DASH-SCOPE-001"),
                Arguments.of(TOTTORI, "/ranking/chart.png?month=2026-10&prefecture=13", 403, "DASH-SCOPE-001"),
                Arguments.of(TOTTORI, "/api/v1/municipal-adoption?month=2026-10", 200, "prefecture_code=31"),
                Arguments.of(TOTTORI, "/api/v1/municipal-adoption?month=2026-10&prefecture=13", 403, "DASH-SCOPE-001"),
                Arguments.of(TOTTORI, "/api/v1/marts/office_savings", 200, "prefecture_code=31"),
                Arguments.of(TOTTORI, "/api/v1/marts/office_savings?office_number=1310000001", 200, "rows=0"),
                Arguments.of(TOTTORI, "/api/v1/marts/office_savings?prefecture_code=13", 403, "DASH-SCOPE-001"),
                Arguments.of(YONAGO, "/ranking?month=2026-10", 200, null),
                Arguments.of(YONAGO, "/ranking.csv?month=2026-10", 200, null),
                Arguments.of(YONAGO, "/api/v1/municipal-adoption?month=2026-10", 200, "municipality_code=312029"),
                Arguments.of(YONAGO, "/api/v1/marts/municipal_adoption?municipality_code=312011", 403, "DASH-SCOPE-001"),
                Arguments.of(YONAGO, "/api/v1/marts/office_savings", 200, "municipality_code=312029"),
                Arguments.of(YONAGO, "/api/v1/marts/plan_actual_agreement", 403, "DASH-SCOPE-003"),
                Arguments.of(YONAGO, "/api/v1/marts/improvement_curve", 200, null),
                Arguments.of(OFFICE, "/ranking?month=2026-10", 403, "DASH-SCOPE-003"),
                Arguments.of(OFFICE, "/ranking.csv?month=2026-10", 403, "DASH-SCOPE-003"),
                Arguments.of(OFFICE, "/ranking.xlsx?month=2026-10", 403, "DASH-SCOPE-003"),
                Arguments.of(OFFICE, "/ranking/chart.png?month=2026-10", 403, "DASH-SCOPE-003"),
                Arguments.of(OFFICE, "/api/v1/municipal-adoption?month=2026-10", 403, "DASH-SCOPE-003"),
                Arguments.of(OFFICE, "/api/v1/marts/office_savings", 200, "office_number=3110000001"),
                Arguments.of(OFFICE, "/api/v1/marts/office_savings?office_number=3110000002", 403, "DASH-SCOPE-001"),
                Arguments.of(OFFICE, "/api/v1/marts/plan_actual_agreement", 200, "office_number=3110000001"),
                Arguments.of(OFFICE, "/api/v1/marts/model_region_effect", 403, "DASH-SCOPE-003"),
                Arguments.of(OFFICE, "/api/v1/marts/improvement_curve", 200, null),
                Arguments.of(MINISTRY, "/municipality/312029", 200, null),
                Arguments.of(MINISTRY, "/municipality/130001/trend.png", 200, null),
                Arguments.of(TOTTORI, "/municipality/312011", 200, null),
                Arguments.of(TOTTORI, "/municipality/131016", 403, "DASH-SCOPE-001"),
                Arguments.of(TOTTORI, "/municipality/131016/trend.png", 403, "DASH-SCOPE-001"),
                Arguments.of(YONAGO, "/municipality/312029", 200, null),
                Arguments.of(YONAGO, "/municipality/312029/trend.png", 200, null),
                Arguments.of(YONAGO, "/municipality/312011", 403, "DASH-SCOPE-001"),
                Arguments.of(YONAGO, "/municipality/312029.xlsx?table=service_types", 200, null),
                Arguments.of(YONAGO, "/municipality/312011.csv", 403, "DASH-SCOPE-001"),
                Arguments.of(YONAGO, "/municipality/312011/trend.png", 403, "DASH-SCOPE-001"),
                Arguments.of(YONAGO, "/api/v1/marts/municipal_service_adoption", 200, "municipality_code=312029"),
                Arguments.of(YONAGO, "/api/v1/marts/municipal_service_adoption?municipality_code=312011", 403,
                        "DASH-SCOPE-001"),
                Arguments.of(OFFICE, "/municipality/312029", 403, "DASH-SCOPE-003"),
                Arguments.of(OFFICE, "/municipality/312029/trend.png", 403, "DASH-SCOPE-003"),
                Arguments.of(OFFICE, "/municipality/312029.csv", 403, "DASH-SCOPE-003"),
                Arguments.of(OFFICE, "/prefecture/31.csv", 403, "DASH-SCOPE-003"),
                Arguments.of(OFFICE, "/office/3110000001.csv", 200, null),
                Arguments.of(YONAGO, "/effects.csv?table=agreement", 403, "DASH-SCOPE-003"),
                Arguments.of(YONAGO, "/api/v1/indicators/application_rate?region=312029", 200, null),
                Arguments.of(YONAGO, "/api/v1/indicators/application_rate?region=312011", 403, "DASH-SCOPE-001"),
                Arguments.of(YONAGO, "/api/v1/indicators/application_rate?region=31", 403, "DASH-SCOPE-003"),
                Arguments.of(OFFICE, "/api/v1/indicators/active_rate?region=nation", 200, null),
                Arguments.of(OFFICE, "/api/v1/indicators/active_rate?region=312029", 403, "DASH-SCOPE-003"),
                Arguments.of(OFFICE, "/office/3110000002.xlsx", 403, "DASH-SCOPE-001"),
                Arguments.of(TOTTORI, "/office/1310000001.csv", 403, "DASH-SCOPE-001"),
                Arguments.of(TOTTORI, "/prefecture/13.xlsx?table=trend", 403, "DASH-SCOPE-001"),
                Arguments.of(MINISTRY, "/prefecture/13.csv?table=trend", 200, null),
                Arguments.of(OFFICE, "/api/v1/marts/municipal_service_adoption", 403, "DASH-SCOPE-003"),
                Arguments.of(MINISTRY, "/card-checks?prefecture=13", 200, null),
                Arguments.of(TOTTORI, "/card-checks", 200, null),
                Arguments.of(TOTTORI, "/card-checks?prefecture=13", 403, "DASH-SCOPE-001"),
                Arguments.of(YONAGO, "/card-checks", 200, null),
                Arguments.of(YONAGO, "/api/v1/marts/card_check_activity", 200, "municipality_code=312029"),
                Arguments.of(OFFICE, "/card-checks", 200, null),
                Arguments.of(OFFICE, "/card-checks?prefecture=13", 403, "DASH-SCOPE-001"),
                Arguments.of(OFFICE, "/api/v1/marts/card_check_activity", 200, "office_number=3110000001"),
                Arguments.of(MINISTRY, "/card-checks.csv?prefecture=13", 200, null),
                Arguments.of(TOTTORI, "/card-checks.csv?prefecture=13", 403, "DASH-SCOPE-001"),
                Arguments.of(TOTTORI, "/card-checks.xlsx?prefecture=13&table=trend", 403, "DASH-SCOPE-001"),
                Arguments.of(YONAGO, "/card-checks.xlsx", 200, null),
                Arguments.of(OFFICE, "/card-checks.csv?table=reasons", 200, null),
                Arguments.of(OFFICE, "/card-checks.csv?prefecture=13", 403, "DASH-SCOPE-001"));
    }

    @ParameterizedTest(name = "{0} GET {1} → {2}")
    @MethodSource("endpoints")
    void eachRoleReadsItsOwnScopeAndNothingElse(String role, String uri, int status, String expectation)
            throws Exception {
        MvcTestResult result = mvc.get().uri(uri).with(authentication(signedIn(role))).exchange();

        assertThat(result).as("%s GET %s", role, uri).hasStatus(status);
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        if (status != 200) {
            assertThat(body).as("%s GET %s", role, uri).contains(expectation);
        } else if (expectation != null && uri.startsWith("/api/")) {
            List<Map<String, Object>> rows = rows(body);
            if (expectation.equals("rows=0")) {
                assertThat(rows).isEmpty();
            } else {
                String[] columnAndValue = expectation.split("=");
                assertThat(rows).as("%s GET %s", role, uri).isNotEmpty()
                        .allSatisfy(row -> assertThat(row).containsEntry(columnAndValue[0], columnAndValue[1]));
            }
        }
    }

    private static UsernamePasswordAuthenticationToken signedIn(String role) {
        DashboardUser user = new DashboardUser("test", "{noop}unused", Viewer.parse(role).orElseThrow());
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rows(String body) {
        return (List<Map<String, Object>>) json.readValue(body, Map.class).get("rows");
    }

    private static Path publish() {
        try {
            Path home = Files.createTempDirectory("renkei-role-access-test-");
            MartFixture.publishMunicipalAdoption(home);
            List<Map<String, Object>> offices = List.of(
                    office("3110000001", "312029"), office("3110000002", "312011"), office("1310000001", "131016"));
            ContractFixture.publish(home, Mart.OFFICE_SAVINGS, RUN_ID, offices);
            ContractFixture.publish(home, Mart.PLAN_ACTUAL_AGREEMENT, RUN_ID, offices);
            ContractFixture.publish(home, Mart.CARD_CHECK_ACTIVITY, RUN_ID, offices);
            ContractFixture.publish(home, Mart.MODEL_REGION_EFFECT, RUN_ID, List.of(
                    Map.of("month", "2026-10", "prefecture_code", "31", "region_id", "31-east")));
            ContractFixture.publish(home, Mart.PREFECTURE_ADOPTION, RUN_ID, List.of(
                    Map.of("month", "2026-10", "denominator_scope", "all_in_scope", "prefecture_code", "31"),
                    Map.of("month", "2026-10", "denominator_scope", "all_in_scope", "prefecture_code", "13")));
            ContractFixture.publish(home, Mart.MUNICIPAL_SERVICE_ADOPTION, RUN_ID, List.of(
                    Map.of("month", "2026-10", "prefecture_code", "31", "municipality_code", "312029",
                            "service_type", "43"),
                    Map.of("month", "2026-10", "prefecture_code", "31", "municipality_code", "312011",
                            "service_type", "43")));
            ContractFixture.publish(home, Mart.IMPROVEMENT_CURVE, RUN_ID, List.of(
                    Map.of("cohort", "all", "months_since_adoption", 1, "offices", 12L)));
            home.toFile().deleteOnExit();
            return home;
        } catch (Exception failure) {
            throw new IllegalStateException("cannot publish the test marts", failure);
        }
    }

    private static Map<String, Object> office(String number, String municipality) {
        return Map.of("month", "2026-10", "office_number", number, "prefecture_code", number.substring(0, 2),
                "municipality_code", municipality);
    }
}
