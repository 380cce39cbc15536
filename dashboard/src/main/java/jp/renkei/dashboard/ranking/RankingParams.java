package jp.renkei.dashboard.ranking;

import java.util.Optional;
import java.util.regex.Pattern;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.dashboard.system.PageParameters;

/**
 * The validated request parameters shared by the page, chart, CSV and API. A blank value means "not given";
 * anything malformed is DASH-PARAM-001 (400) naming the parameter and its expected form.
 */
record RankingParams(Optional<String> month, Optional<String> prefecture, DenominatorScope scope, RankingSort sort,
        RankingFilter filter) {

    private static final Pattern PREFECTURE = Pattern.compile("(0[1-9]|[1-3]\\d|4[0-7])");

    static RankingParams parse(String month, String prefecture, String scope, String sort, String dir,
            DenominatorScope defaultScope) {
        return new RankingParams(
                PageParameters.month(month),
                given(prefecture).map(p -> check("prefecture", p, PREFECTURE, "2桁の都道府県コード 01〜47（例: 31）")),
                PageParameters.scope(scope, defaultScope),
                parseSort(given(sort), given(dir)), RankingFilter.NONE);
    }

    RankingParams withFilter(RankingFilter other) {
        return new RankingParams(month, prefecture, scope, sort, other);
    }

    private static RankingSort parseSort(Optional<String> sort, Optional<String> dir) {
        RankingSort.Key key = sort.map(s -> RankingSort.Key.fromParam(s).orElseThrow(
                () -> DashboardException.badParameter("sort", RankingSort.PARAMS + " のいずれか", s)))
                .orElse(RankingSort.Key.RANK);
        RankingSort byDefault = RankingSort.byDefault(key);
        return dir.map(d -> switch (d) {
            case "asc" -> new RankingSort(key, true);
            case "desc" -> new RankingSort(key, false);
            default -> throw DashboardException.badParameter("dir", "asc または desc", d);
        }).orElse(byDefault);
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }

    private static String check(String name, String value, Pattern pattern, String expected) {
        if (!pattern.matcher(value).matches()) {
            throw DashboardException.badParameter(name, expected, value);
        }
        return value;
    }
}
