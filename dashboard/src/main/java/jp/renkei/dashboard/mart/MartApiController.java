package jp.renkei.dashboard.mart;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Parameter;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.privacy.SmallCounts;
import jp.renkei.marts.Mart;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/marts/<mart>[?<key column>=<value>…]}: a published mart's rows as JSON, named and typed as the
 * contract ({@link Mart}) declares, in key order — what notebooks and analysts' scripts read. Filters are allowed on
 * the key and scope columns only, bound as parameters. The viewer's scope is added to the conditions (403 when it
 * asks for another's rows, or for a mart its role cannot be narrowed to); national aggregates are open to every role.
 */
@RestController
class MartApiController {

    private static final Pattern VALUE = Pattern.compile("-?[0-9A-Za-z_-]{1,40}");

    private final MartRows rows;
    private final JsonAnswers answers;

    MartApiController(MartRows rows, JsonAnswers answers) {
        this.rows = rows;
        this.answers = answers;
    }

    @GetMapping("/api/v1/marts/{name}")
    ResponseEntity<byte[]> rows(@PathVariable String name, @RequestParam Map<String, String> filters, Viewer viewer,
            @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) throws SQLException {
        Mart mart = Mart.byFolder(name).orElseThrow(() -> DashboardException.unknownMart(name,
                Arrays.stream(Mart.values()).map(Mart::folder).collect(Collectors.joining(", "))));
        List<String> filterable = mart.filterColumns();
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            if (!filterable.contains(filter.getKey())) {
                throw DashboardException.badParameter(filter.getKey(), "このマートでは使えない名前です。使えるのは "
                        + String.join(", ", filterable), filter.getValue());
            }
            if (!VALUE.matcher(filter.getValue()).matches()) {
                throw DashboardException.badParameter(filter.getKey(), "英数字・-・_ の40文字以内", filter.getValue());
            }
        }
        Map<String, String> conditions = viewer.conditions(mart, filters);

        MartRows.Selection selection = rows.select(mart, conditions);
        List<ColumnDescription> columns = mart.columns().stream()
                .map(column -> new ColumnDescription(column.name(), column.type().name().toLowerCase(java.util.Locale.ROOT),
                        column.meaning()))
                .toList();
        boolean hideSmallCounts = SmallCounts.appliesTo(viewer);
        return answers.send(List.of("mart-json", selection.run().runId(), mart, conditions, hideSmallCounts),
                acceptEncoding, () -> new Response(mart.folder(), selection.run().runId(), columns,
                        selection.rows().stream().map(row -> hideSmallCounts
                                ? SmallCounts.hideIn(mart, row.values()) : row.values()).toList()));
    }

    record ColumnDescription(@JsonProperty("name") String name, @JsonProperty("type") String type,
            @JsonProperty("meaning") String meaning) {
    }

    record Response(@JsonProperty("mart") String mart, @JsonProperty("mart_run") String martRun,
            @JsonProperty("columns") List<ColumnDescription> columns,
            @JsonProperty("rows") List<Map<String, Object>> rows) {
    }
}
