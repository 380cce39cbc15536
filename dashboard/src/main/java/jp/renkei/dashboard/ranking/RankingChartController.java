package jp.renkei.dashboard.ranking;

import java.io.IOException;
import java.sql.SQLException;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code GET /ranking/chart.png?month=&prefecture=&scope=}: the top municipalities of the same ranking as the page. */
@Controller
class RankingChartController {

    private final RankingLookup lookup;
    private final RankingChart chart;
    private final DashboardProperties properties;

    RankingChartController(RankingLookup lookup, RankingChart chart, DashboardProperties properties) {
        this.lookup = lookup;
        this.chart = chart;
        this.properties = properties;
    }

    @GetMapping("/ranking/chart.png")
    ResponseEntity<byte[]> chart(@RequestParam(required = false) String month,
            @RequestParam(required = false) String prefecture, @RequestParam(required = false) String scope,
            Viewer viewer) throws SQLException, IOException {
        RankingParams params = RankingParams.parse(month, prefecture, scope, null, null, properties.getDefaultScope());
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(chart.png(lookup.find(params, viewer)));
    }
}
