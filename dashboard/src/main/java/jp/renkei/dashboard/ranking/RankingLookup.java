package jp.renkei.dashboard.ranking;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import jp.renkei.dashboard.mart.MartReader;
import jp.renkei.dashboard.mart.MartResultCache;
import jp.renkei.dashboard.mart.MartRun;
import jp.renkei.dashboard.mart.QueryTiming;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import org.springframework.stereotype.Component;

/**
 * Resolves a ranking request once for every view of it (page, chart, CSV, API): the viewer's scope (403 for another
 * prefecture), the current run (503 when none), the month (the latest by default; 404 when absent), then the rows.
 * One DuckDB connection and one run per request.
 */
@Component
class RankingLookup {

    private final MartReader marts;
    private final RankingQuery query;

    private final MartResultCache cache;

    RankingLookup(MartReader marts, RankingQuery query, MartResultCache cache) {
        this.marts = marts;
        this.query = query;
        this.cache = cache;
    }

    Ranking find(RankingParams params, Viewer viewer) throws SQLException {
        Optional<String> prefecture = viewer.narrow(params.prefecture());
        MartRun run = marts.current(RankingQuery.MART);
        return cache.get(List.of("ranking", run.runId(), params, viewer), () -> QueryTiming.measure(() -> {
            try (Connection connection = marts.connect()) {
                List<String> months = query.months(connection, run, params.scope(), viewer);
                if (months.isEmpty()) {
                    throw DashboardException.martNotPublished(RankingQuery.MART,
                            "run=" + run.runId() + " に分母の範囲 " + params.scope().code() + " の行がありません");
                }
                String month = params.month().orElse(months.get(months.size() - 1));
                if (!months.contains(month)) {
                    throw DashboardException.unknownMonth(month, months.get(0), months.get(months.size() - 1));
                }
                return new Ranking(run, month, params.scope(), prefecture.orElse(null), params.sort(), params.filter(),
                        viewer, months,
                        query.prefectures(connection, run, params.scope(), viewer),
                        query.rows(connection, run, month, params.scope(), prefecture, params.filter(), viewer,
                                params.sort()));
            }
        }));
    }
}
