package jp.renkei.dashboard.effects;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.renkei.dashboard.effects.EffectsPage.AgreementMonth;
import jp.renkei.dashboard.mart.MartReader;
import jp.renkei.dashboard.mart.MartRow;
import jp.renkei.dashboard.mart.MartRows;
import jp.renkei.dashboard.mart.MartResultCache;
import jp.renkei.dashboard.mart.MartRun;
import jp.renkei.dashboard.mart.QueryTiming;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.marts.Mart;
import org.springframework.stereotype.Component;

/**
 * Reads the effects page: improvement_curve (a national aggregate every role may read) for one cohort, and
 * plan_actual_agreement summed by month in DuckDB over the rows the viewer may see (the mart has a row per office
 * and month; the sums never leave the database as office rows).
 */
@Component
class EffectsLookup {

    static final String ALL_COHORTS = "all";

    private final MartRows rows;
    private final MartReader marts;
    private final MartResultCache cache;

    EffectsLookup(MartRows rows, MartReader marts, MartResultCache cache) {
        this.rows = rows;
        this.marts = marts;
        this.cache = cache;
    }

    /** The page; {@code withAgreement} false for the chart, which needs the curve only. */
    EffectsPage find(Optional<String> requestedCohort, Viewer viewer, boolean withAgreement) throws SQLException {
        MartRows.Selection all = rows.select(Mart.IMPROVEMENT_CURVE, Map.of());
        List<String> cohorts = new ArrayList<>(all.rows().stream().map(row -> row.text("cohort"))
                .collect(Collectors.toCollection(TreeSet::new)));
        String cohort = requestedCohort.orElse(ALL_COHORTS);
        if (!cohorts.contains(cohort)) {
            throw DashboardException.badParameter("cohort", "次のいずれか: " + String.join(", ", cohorts), cohort);
        }
        List<MartRow> curve = all.rows().stream().filter(row -> cohort.equals(row.text("cohort")))
                .sorted((a, b) -> Integer.compare(a.small("months_since_adoption"), b.small("months_since_adoption")))
                .toList();
        Integer dipMonth = null;
        Double dipMedian = null;
        for (MartRow row : curve) {
            Double median = row.decimal("index_median");
            if (row.small("months_since_adoption") >= 0 && median != null && (dipMedian == null || median < dipMedian)) {
                dipMedian = median;
                dipMonth = row.small("months_since_adoption");
            }
        }
        Integer recoveredMonth = null;
        if (dipMonth != null) {
            for (MartRow row : curve) {
                Double median = row.decimal("index_median");
                if (row.small("months_since_adoption") > dipMonth && median != null && median >= 1.0) {
                    recoveredMonth = row.small("months_since_adoption");
                    break;
                }
            }
        }

        List<AgreementMonth> agreement = null;
        String agreementUnavailable = null;
        if (!withAgreement) {
            agreementUnavailable = "not_asked";
        } else if (!viewer.canRead(Mart.PLAN_ACTUAL_AGREEMENT)) {
            agreementUnavailable = "role";
        } else {
            try {
                agreement = agreement(viewer);
            } catch (DashboardException notPublished) {
                if (!notPublished.isMartUnpublished()) {
                    throw notPublished;
                }
                agreementUnavailable = "unpublished";
            }
        }
        return new EffectsPage(cohort, cohorts, all.run().runId(), curve, dipMonth, dipMedian, recoveredMonth,
                agreement, agreementUnavailable);
    }

    private List<AgreementMonth> agreement(Viewer viewer) throws SQLException {
        Mart mart = Mart.PLAN_ACTUAL_AGREEMENT;
        MartRun run = marts.current(mart.folder());
        Map<String, String> scope = viewer.conditions(mart, Map.of());
        return cache.get(List.of("agreement-by-month", run.runId(), scope),
                () -> List.copyOf(QueryTiming.measure(() -> agreement(mart, run, scope))));
    }

    private List<AgreementMonth> agreement(Mart mart, MartRun run, Map<String, String> scope) throws SQLException {
        String where = scope.isEmpty() ? "" : " WHERE " + scope.keySet().stream()
                .map(column -> mart.column(column).name() + " = ?").collect(Collectors.joining(" AND "));
        String sql = "SELECT month, count(*), sum(planned_lines), sum(matched_lines), sum(moved_lines), "
                + "sum(cancelled_lines), sum(added_lines) FROM read_parquet(?)" + where
                + " GROUP BY month ORDER BY month DESC";
        List<AgreementMonth> months = new ArrayList<>();
        try (Connection connection = marts.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, run.parquetGlob());
            int index = 2;
            for (String value : scope.values()) {
                statement.setString(index++, value);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    months.add(new AgreementMonth(result.getString(1), result.getLong(2), result.getLong(3),
                            result.getLong(4), result.getLong(5), result.getLong(6), result.getLong(7)));
                }
            }
        }
        return months;
    }
}
