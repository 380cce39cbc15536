package jp.renkei.dashboard.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import jp.renkei.dashboard.mart.MartFixture;
import jp.renkei.dashboard.security.WithViewer;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

class RankingApiTest extends PublishedMartWebTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void returnsTheMonthsRowsWithTheMartsColumnNames() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/municipal-adoption?month=2026-10").exchange();

        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("application/json");
        Map<String, Object> body = body(result);
        assertThat(body).containsEntry("month", "2026-10").containsEntry("denominator_scope", "all_in_scope")
                .containsEntry("mart_run", MartFixture.RUN_ID);
        List<Map<String, Object>> rows = rows(body);
        assertThat(rows).hasSize(39);
        assertThat(rows.get(0).keySet()).containsExactly("municipality_code", "municipality_name", "prefecture_code",
                "prefecture_name", "offices_in_scope", "offices_applied", "application_rate", "offices_active",
                "active_rate", "national_rank", "prefecture_rank", "size_class", "size_class_rank", "rate_change_3m",
                "wilson_lower_bound", "wilson_rank");
        assertThat(rows.get(0)).containsEntry("municipality_code", "312029").containsEntry("municipality_name", "米子市")
                .containsEntry("prefecture_name", "鳥取県").containsEntry("offices_in_scope", 80)
                .containsEntry("offices_applied", 80).containsEntry("application_rate", 1.0)
                .containsEntry("national_rank", 1).containsEntry("prefecture_rank", 1).containsEntry("size_class", "L");
        assertThat((Double) rows.get(0).get("rate_change_3m")).isCloseTo(1.0 - 77.0 / 80, within(1e-12));
        assertThat(rows.get(1)).containsEntry("municipality_name", "日吉津村").containsEntry("national_rank", 1);
        assertThat(rows.get(2)).containsEntry("municipality_name", "テスト市35").containsEntry("national_rank", 3);
        assertThat(rows.get(1)).containsEntry("wilson_rank", 11);
        assertThat((Double) rows.get(1).get("wilson_lower_bound")).isCloseTo(0.5655, within(1e-4));
    }

    @Test
    void anUnchangedAnswerIsNotSentTwice() throws Exception {
        MvcTestResult first = mvc.get().uri("/api/v1/municipal-adoption?month=2026-10&prefecture=31").exchange();
        String etag = first.getResponse().getHeader("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        MvcTestResult again = mvc.get().uri("/api/v1/municipal-adoption?month=2026-10&prefecture=31")
                .header("If-None-Match", etag).exchange();
        assertThat(again).hasStatus(304);
        assertThat(again.getResponse().getContentAsByteArray()).isEmpty();

        MvcTestResult other = mvc.get().uri("/api/v1/municipal-adoption?month=2026-09&prefecture=31")
                .header("If-None-Match", etag).exchange();
        assertThat(other).hasStatusOk();
        assertThat(other.getResponse().getHeader("ETag")).isNotEqualTo(etag);
    }

    @Test
    void gzipsForAClientThatAcceptsIt() throws Exception {
        MvcTestResult plain = mvc.get().uri("/api/v1/municipal-adoption?month=2026-10").exchange();
        MvcTestResult zipped = mvc.get().uri("/api/v1/municipal-adoption?month=2026-10")
                .header("Accept-Encoding", "br, gzip;q=0.8").exchange();

        assertThat(zipped).hasStatusOk().hasHeader("Content-Encoding", "gzip").hasHeader("Vary", "Accept-Encoding");
        assertThat(zipped.getResponse().getHeader("ETag")).isEqualTo(
                plain.getResponse().getHeader("ETag").replaceFirst("\"$", "-gzip\""));
        byte[] compressed = zipped.getResponse().getContentAsByteArray();
        try (java.util.zip.GZIPInputStream gzip = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(compressed))) {
            assertThat(gzip.readAllBytes()).isEqualTo(plain.getResponse().getContentAsByteArray());
        }
        assertThat(compressed.length).isLessThan(plain.getResponse().getContentAsByteArray().length / 4);

        MvcTestResult refused = mvc.get().uri("/api/v1/municipal-adoption?month=2026-10")
                .header("Accept-Encoding", "gzip;q=0, identity").exchange();
        assertThat(refused.getResponse().getHeader("Content-Encoding")).isNull();
    }

    @Test
    void takesThePagesFiltersAndOrder() throws Exception {
        List<Map<String, Object>> rows = rows(body(mvc.get()
                .uri("/api/v1/municipal-adoption?month=2026-10&prefecture=31&min_offices=1&sort=wilson_rank").exchange()));

        assertThat(rows).extracting(row -> row.get("municipality_name")).containsExactly("米子市", "日吉津村", "鳥取市");
    }

    @Test
    void unrankedMunicipalitiesComeLastWithNulls() throws Exception {
        List<Map<String, Object>> rows = rows(body(mvc.get().uri("/api/v1/municipal-adoption?month=2026-10&prefecture=31")
                .exchange()));

        assertThat(rows).extracting(r -> r.get("municipality_name")).containsExactly("米子市", "日吉津村", "鳥取市", "日野町");
        assertThat(rows.get(3)).containsEntry("offices_in_scope", 0).containsEntry("application_rate", null)
                .containsEntry("active_rate", null).containsEntry("national_rank", null)
                .containsEntry("size_class", "NONE").containsEntry("rate_change_3m", null);
    }

    @Test
    void theScopeSelectsTheDenominator() throws Exception {
        Map<String, Object> body = body(mvc.get()
                .uri("/api/v1/municipal-adoption?month=2026-10&prefecture=31&scope=care_management_only").exchange());

        assertThat(body).containsEntry("denominator_scope", "care_management_only");
        assertThat(rows(body)).filteredOn(r -> "鳥取市".equals(r.get("municipality_name")))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("offices_in_scope", 40));
    }

    @Test
    void badParametersAre400NamingTheParameterAndItsForm() throws Exception {
        assertError("/api/v1/municipal-adoption?month=2026-13", 400, "DASH-PARAM-001", "month", "YYYY-MM");
        assertError("/api/v1/municipal-adoption", 400, "DASH-PARAM-001", "month", "YYYY-MM");
        assertError("/api/v1/municipal-adoption?month=2026-10&prefecture=48", 400, "DASH-PARAM-001", "prefecture", "01〜47");
        assertError("/api/v1/municipal-adoption?month=2026-10&scope=all", 400, "DASH-PARAM-001", "scope", "care_management_only");
    }

    @Test
    void anUnknownMonthIs404ListingTheRange() throws Exception {
        assertError("/api/v1/municipal-adoption?month=2025-01", 404, "DASH-MONTH-001", "2026-07", "2026-10");
    }

    @Test
    @WithViewer("prefecture:31")
    void aPrefectureViewerSeesOnlyItsPrefectureAndIsRefusedAnother() throws Exception {
        List<Map<String, Object>> rows = rows(body(mvc.get().uri("/api/v1/municipal-adoption?month=2026-10").exchange()));
        assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r).containsEntry("prefecture_code", "31"));

        MvcTestResult refused = mvc.get().uri("/api/v1/municipal-adoption?month=2026-10&prefecture=13").exchange();
        assertThat(refused).hasStatus(403);
        assertThat(body(refused)).containsEntry("code", "DASH-SCOPE-001");
    }

    @Test
    @WithAnonymousUser
    void aRoleHeaderGrantsNothing() throws Exception {
        MvcTestResult result = mvc.get().uri("/api/v1/municipal-adoption?month=2026-10")
                .header("X-Renkei-Role", "ministry").exchange();

        assertThat(result).hasStatus(401).hasHeader("WWW-Authenticate", "Basic realm=\"renkei\", charset=\"UTF-8\"");
        assertThat(body(result)).containsEntry("code", "DASH-AUTH-001");
    }

    @Test
    void scopedAnswersAreNeverStoredByCaches() {
        assertThat(mvc.get().uri("/api/v1/municipal-adoption?month=2026-10").exchange())
                .hasHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    }

    private void assertError(String uri, int status, String code, String... mentions) throws Exception {
        MvcTestResult result = mvc.get().uri(uri).exchange();
        assertThat(result).as(uri).hasStatus(status).hasContentTypeCompatibleWith("application/json");
        Map<String, Object> body = body(result);
        assertThat(body).as(uri).containsEntry("code", code);
        assertThat((String) body.get("message")).as(uri).contains(mentions);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(MvcTestResult result) throws Exception {
        return json.readValue(result.getResponse().getContentAsByteArray(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rows(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("rows");
    }
}
