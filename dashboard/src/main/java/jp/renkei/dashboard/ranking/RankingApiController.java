package jp.renkei.dashboard.ranking;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.sql.SQLException;
import java.util.List;
import jp.renkei.dashboard.mart.JsonAnswers;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.DashboardProperties;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
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
    private final JsonAnswers answers;

    RankingApiController(RankingLookup lookup, DashboardProperties properties, JsonAnswers answers) {
        this.lookup = lookup;
        this.properties = properties;
        this.answers = answers;
    }

    @GetMapping("/api/v1/municipal-adoption")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Response.class)))
    ResponseEntity<byte[]> municipalAdoption(@ParameterObject RankingRequest request, Viewer viewer,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) throws SQLException {
        if (request.month() == null || request.month().isBlank()) {
            throw DashboardException.badParameter("month", "YYYY-MM 形式（例: 2026-10、必須）", request.month());
        }
        RankingParams params = request.parse(properties.getDefaultScope());
        Ranking ranking = lookup.find(params, viewer);
        return answers.send(List.of("ranking-json", ranking.run().runId(), params, viewer), acceptEncoding,
                () -> new Response(ranking.month(), ranking.scope().code(), ranking.run().runId(), ranking.rows()));
    }

    /** The response body; names as in the mart contract. */
    record Response(
            @JsonProperty("month") String month,
            @JsonProperty("denominator_scope") String denominatorScope,
            @JsonProperty("mart_run") String martRun,
            @JsonProperty("rows") List<MunicipalAdoptionRow> rows) {
    }
}
