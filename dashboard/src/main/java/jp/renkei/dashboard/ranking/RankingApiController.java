package jp.renkei.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.SQLException;
import java.util.List;
import jp.renkei.dashboard.security.Viewer;
import org.springdoc.core.annotations.ParameterObject;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.DashboardProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/municipal-adoption?month=YYYY-MM[&prefecture=NN][&scope=...][&sort=&dir=][&q=&size=&min_offices=]}:
 * the month's rows as the ranking page lists them (national rank order by default), field names as the mart's columns.
 * {@code month} is required so that a URL always means the same data.
 */
@RestController
class RankingApiController {

    private final RankingLookup lookup;
    private final DashboardProperties properties;

    RankingApiController(RankingLookup lookup, DashboardProperties properties) {
        this.lookup = lookup;
        this.properties = properties;
    }

    @GetMapping("/api/v1/municipal-adoption")
    Response municipalAdoption(@ParameterObject RankingRequest request, Viewer viewer) throws SQLException {
        if (request.month() == null || request.month().isBlank()) {
            throw DashboardException.badParameter("month", "YYYY-MM 形式（例: 2026-10、必須）", request.month());
        }
        Ranking ranking = lookup.find(request.parse(properties.getDefaultScope()), viewer);
        return new Response(ranking.month(), ranking.scope().code(), ranking.run().runId(), ranking.rows());
    }

    /** The response body; names as in the mart contract. */
    record Response(
            @JsonProperty("month") String month,
            @JsonProperty("denominator_scope") String denominatorScope,
            @JsonProperty("mart_run") String martRun,
            @JsonProperty("rows") List<MunicipalAdoptionRow> rows) {
    }
}
