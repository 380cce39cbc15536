package jp.renkei.dashboard.ranking;

import java.sql.SQLException;
import java.util.List;
import jp.renkei.dashboard.chart.ChartImages;
import jp.renkei.dashboard.mart.MartResultCache;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /ranking/chart.png|svg?month=&prefecture=&scope=&q=&size=&min_offices=}: the top municipalities of the
 * same ranking as the page, as PNG for the page or SVG for reports.
 */
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
    ResponseEntity<byte[]> png(RankingRequest request, Viewer viewer) throws SQLException {
        RankingParams params = chartParams(request);
        Ranking ranking = lookup.find(params, viewer);
        byte[] png = cache.get(List.of("ranking-chart", ranking.run().runId(), params, viewer), () -> chart.png(ranking));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(png);
    }

    @GetMapping("/ranking/chart.svg")
    ResponseEntity<byte[]> svg(RankingRequest request, Viewer viewer) throws SQLException {
        RankingParams params = chartParams(request);
        Ranking ranking = lookup.find(params, viewer);
        byte[] svg = cache.get(List.of("ranking-chart-svg", ranking.run().runId(), params, viewer),
                () -> chart.svg(ranking));
        return ResponseEntity.ok().contentType(ChartImages.SVG).body(svg);
    }

    /** The chart is the top of the listed rows, whatever order the table was sorted in. */
    private RankingParams chartParams(RankingRequest request) {
        return new RankingRequest(request.month(), request.prefecture(), request.scope(), null, null, request.q(),
                request.size(), request.minOffices()).parse(properties.getDefaultScope());
    }
}
