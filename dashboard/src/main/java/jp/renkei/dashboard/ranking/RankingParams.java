package jp.renkei.dashboard.ranking;

import java.util.Optional;
import java.util.regex.Pattern;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.system.DashboardException;

/**
 * The validated request parameters shared by the page, chart, CSV and API. A blank value means "not given";
 * anything malformed is DASH-PARAM-001 (400) naming the parameter and its expected form.
 */
record RankingParams(Optional<String> month, Optional<String> prefecture, DenominatorScope scope, RankingSort sort) {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern PREFECTURE = Pattern.compile("(0[1-9]|[1-3]\\d|4[0-7])");

    static RankingParams parse(String month, String prefecture, String scope, String sort, String dir,
            DenominatorScope defaultScope) {
        return new RankingParams(
                given(month).map(m -> check("month", m, MONTH, "YYYY-MM 形式（例: 2026-10）")),
                given(prefecture).map(p -> check("prefecture", p, PREFECTURE, "2桁の都道府県コード 01〜47（例: 31）")),
                given(scope).map(s -> DenominatorScope.fromCode(s).orElseThrow(() -> DashboardException.badParameter(
                        "scope", "all_in_scope または care_management_only", s))).orElse(defaultScope),
                parseSort(given(sort), given(dir)));
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
