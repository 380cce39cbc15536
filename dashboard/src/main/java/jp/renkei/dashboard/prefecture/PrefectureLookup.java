package jp.renkei.dashboard.prefecture;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.mart.MartRow;
import jp.renkei.dashboard.mart.MartRows;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.marts.Mart;
import org.springframework.stereotype.Component;

/**
 * Reads one prefecture's page: prefecture_adoption (its trend), municipal_adoption (its municipalities in the month)
 * and model_region_effect (optional: a prefecture without published regions shows none). Every query is narrowed to
 * the viewer; another prefecture is DASH-SCOPE-001, a municipality or office account DASH-SCOPE-003.
 */
@Component
class PrefectureLookup {

    private final MartRows marts;

    PrefectureLookup(MartRows marts) {
        this.marts = marts;
    }

    PrefecturePage find(String prefecture, Optional<String> requestedMonth, DenominatorScope scope, Viewer viewer)
            throws SQLException {
        Map<String, String> ofPrefecture = Map.of("prefecture_code", prefecture, "denominator_scope", scope.code());
        MartRows.Selection trend = marts.select(Mart.PREFECTURE_ADOPTION,
                viewer.conditions(Mart.PREFECTURE_ADOPTION, ofPrefecture));
        if (trend.rows().isEmpty()) {
            throw DashboardException.martNotPublished(Mart.PREFECTURE_ADOPTION.folder(),
                    "都道府県 " + prefecture + " の行がありません");
        }
        List<String> months = trend.rows().stream().map(row -> row.text("month")).toList();
        String month = requestedMonth.orElse(months.get(months.size() - 1));
        if (!months.contains(month)) {
            throw DashboardException.unknownMonth(month, months.get(0), months.get(months.size() - 1));
        }
        MartRow adoption = trend.rows().get(months.indexOf(month));

        Map<String, String> municipalityConditions = new LinkedHashMap<>(ofPrefecture);
        municipalityConditions.put("month", month);
        List<MartRow> municipalities = marts.select(Mart.MUNICIPAL_ADOPTION,
                viewer.conditions(Mart.MUNICIPAL_ADOPTION, municipalityConditions)).rows().stream()
                .sorted(Comparator.comparing((MartRow row) -> row.small("prefecture_rank"),
                        Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(row -> row.text("municipality_code")))
                .toList();

        List<MartRow> regions = List.of();
        Map<String, List<MartRow>> regionHistory = new LinkedHashMap<>();
        boolean regionsPublished = true;
        try {
            List<MartRow> all = marts.select(Mart.MODEL_REGION_EFFECT,
                    viewer.conditions(Mart.MODEL_REGION_EFFECT, Map.of("prefecture_code", prefecture))).rows();
            all.forEach(row -> regionHistory.computeIfAbsent(row.text("region_id"), id -> new java.util.ArrayList<>())
                    .add(row));
            regions = all.stream().filter(row -> month.equals(row.text("month"))).toList();
        } catch (DashboardException notPublished) {
            if (!notPublished.isMartUnpublished()) {
                throw notPublished;
            }
            regionsPublished = false;
        }
        return new PrefecturePage(prefecture, adoption.text("prefecture_name"), month, months, scope.code(),
                trend.run().runId(), adoption, trend.rows(), municipalities, regions, regionHistory, regionsPublished);
    }
}
