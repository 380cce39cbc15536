package jp.renkei.dashboard.indicator;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.mart.JsonAnswers;
import jp.renkei.dashboard.mart.MartRow;
import jp.renkei.dashboard.mart.MartRows;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.DashboardProperties;
import jp.renkei.dashboard.system.PageParameters;
import jp.renkei.marts.Mart;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/indicators/<indicator>?region=nation|NN|NNNNNN[&from=YYYY-MM][&to=YYYY-MM][&scope=]}: one
 * indicator for one region, month by month, with its numerator and denominator. The nation is the sum of every
 * prefecture (a national aggregate, open to every role); a prefecture or municipality is read under the caller's scope
 * like the marts API (403 outside it).
 */
@RestController
class IndicatorApiController {

    private static final Pattern MUNICIPALITY = Pattern.compile("(0[1-9]|[1-3]\\d|4[0-7])\\d{4}");
    private static final String NATION = "nation";

    private final MartRows marts;
    private final JsonAnswers answers;
    private final DashboardProperties properties;

    IndicatorApiController(MartRows marts, JsonAnswers answers, DashboardProperties properties) {
        this.marts = marts;
        this.answers = answers;
        this.properties = properties;
    }

    @GetMapping("/api/v1/indicators/{indicator}")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IndicatorSeries.class)))
    ResponseEntity<byte[]> series(
            @Parameter(description = "application_rate または active_rate") @PathVariable String indicator,
            @Parameter(description = "nation、都道府県コード（2桁）または市区町村コード（6桁）") @RequestParam String region,
            @Parameter(description = "最初の月 YYYY-MM（省略で最初から）") @RequestParam(required = false) String from,
            @Parameter(description = "最後の月 YYYY-MM（省略で最新まで）") @RequestParam(required = false) String to,
            @Parameter(description = "分母の範囲: all_in_scope（既定）または care_management_only")
            @RequestParam(required = false) String scope, Viewer viewer,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false)
            String acceptEncoding) throws SQLException {
        Indicator which = Indicator.byId(indicator).orElseThrow(() -> DashboardException.badParameter("indicator",
                Indicator.ids() + " のいずれか", indicator));
        Optional<String> first = PageParameters.month(from);
        Optional<String> last = PageParameters.month(to);
        DenominatorScope denominator = PageParameters.scope(scope, properties.getDefaultScope());
        Map<String, String> requested = new LinkedHashMap<>(Map.of("denominator_scope", denominator.code()));
        Mart mart;
        String level;
        String regionCode = region.strip();
        if (NATION.equals(regionCode)) {
            mart = Mart.PREFECTURE_ADOPTION;
            level = NATION;
        } else if (regionCode.length() == 2) {
            mart = Mart.PREFECTURE_ADOPTION;
            level = "prefecture";
            requested.put("prefecture_code", PageParameters.prefectureCode(regionCode));
            requested = viewer.conditions(mart, requested);
        } else if (MUNICIPALITY.matcher(regionCode).matches()) {
            mart = Mart.MUNICIPAL_ADOPTION;
            level = "municipality";
            requested.put("prefecture_code", regionCode.substring(0, 2));
            requested.put("municipality_code", regionCode);
            requested = viewer.conditions(mart, requested);
        } else {
            throw DashboardException.badParameter("region", "nation、都道府県コード（2桁）または市区町村コード（6桁）", region);
        }
        MartRows.Selection selection = marts.select(mart, requested);
        if (!NATION.equals(level) && selection.rows().isEmpty()) {
            throw DashboardException.unknownRegion(regionCode);
        }
        String name = NATION.equals(level) ? "全国" : selection.rows().get(0).text(
                "prefecture".equals(level) ? "prefecture_name" : "municipality_name");
        String finalLevel = level;
        return answers.send(List.of("indicator-json", selection.run().runId(), which, regionCode, first, last,
                denominator, viewer), acceptEncoding, () -> new IndicatorSeries(which.id(), regionCode, finalLevel, name,
                        denominator.code(), which.numerator(), which.denominator(), "/definitions#" + which.id(),
                        selection.run().runId(), points(selection.rows(), which, first, last)));
    }

    /** The months in order, summed over the rows of each (one row for a region, every prefecture for the nation). */
    private static List<IndicatorSeries.Point> points(List<MartRow> rows, Indicator indicator, Optional<String> first,
            Optional<String> last) {
        Map<String, long[]> byMonth = new TreeMap<>();
        for (MartRow row : rows) {
            String month = row.text("month");
            boolean before = first.isPresent() && month.compareTo(first.get()) < 0;
            boolean after = last.isPresent() && month.compareTo(last.get()) > 0;
            if (before || after) {
                continue;
            }
            long[] sums = byMonth.computeIfAbsent(month, m -> new long[2]);
            sums[0] += row.whole(indicator.numerator());
            sums[1] += row.whole(indicator.denominator());
        }
        List<IndicatorSeries.Point> points = new ArrayList<>();
        byMonth.forEach((month, sums) -> points.add(new IndicatorSeries.Point(month,
                sums[1] == 0 ? null : (double) sums[0] / sums[1], sums[0], sums[1])));
        return points;
    }
}
