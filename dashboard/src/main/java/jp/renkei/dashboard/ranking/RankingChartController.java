package jp.renkei.dashboard.ranking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import jp.renkei.dashboard.mart.MartResultCache;
import java.sql.SQLException;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /ranking/chart.png?month=&prefecture=&scope=}: the top municipalities of the same ranking as the page. */
@Controller
class RankingChartController {

    private final RankingLookup lookup;
    private final RankingChart chart;
    private final DashboardProperties properties;

    private final MartResultCache cache;

    RankingChartController(RankingLookup lookup, RankingChart chart, DashboardProperties properties,
            MartResultCache cache) {
        this.lookup = lookup;
        this.chart = chart;
        this.properties = properties;
        this.cache = cache;
    }

    @GetMapping("/ranking/chart.png")
    ResponseEntity<byte[]> chart(RankingRequest request, Viewer viewer) throws SQLException, IOException {
        // The chart is the top of the listed rows, whatever order the table was sorted in.
        RankingParams params = new RankingRequest(request.month(), request.prefecture(), request.scope(), null, null,
                request.q(), request.size(), request.minOffices()).parse(properties.getDefaultScope());
        Ranking ranking = lookup.find(params, viewer);
        byte[] png = cache.get(List.of("ranking-chart", ranking.run().runId(), params, viewer), () -> {
            try {
                return chart.png(ranking);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        });
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
    }
}
