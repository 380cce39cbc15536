package jp.renkei.dashboard.municipality;

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
 * Reads one municipality's page. Its own rows (municipal_adoption, municipal_service_adoption, office_savings) are
 * narrowed to the viewer: another prefecture's or municipality's code is DASH-SCOPE-001, an office account
 * DASH-SCOPE-003. The prefecture and national lines beside them are sums over prefecture_adoption, read for every
 * role: totals the ministry publishes itself, from which no other municipality's or office's row can be told.
 */
@Component
class MunicipalityLookup {

    private final MartRows marts;

    MunicipalityLookup(MartRows marts) {
        this.marts = marts;
    }

    MunicipalityPage find(String municipality, Optional<String> requestedMonth, DenominatorScope scope, Viewer viewer)
            throws SQLException {
        String prefecture = municipality.substring(0, 2);
        Map<String, String> own = Map.of("prefecture_code", prefecture, "municipality_code", municipality,
                "denominator_scope", scope.code());
        MartRows.Selection trend = marts.select(Mart.MUNICIPAL_ADOPTION, viewer.conditions(Mart.MUNICIPAL_ADOPTION, own));
        if (trend.rows().isEmpty()) {
            throw DashboardException.unknownMunicipality(municipality);
        }
        List<String> months = trend.rows().stream().map(row -> row.text("month")).toList();
        String month = requestedMonth.orElse(months.get(months.size() - 1));
        if (!months.contains(month)) {
            throw DashboardException.unknownMonth(month, months.get(0), months.get(months.size() - 1));
        }
        MartRow adoption = trend.rows().get(months.indexOf(month));

        List<MartRow> serviceTypes = marts.select(Mart.MUNICIPAL_SERVICE_ADOPTION,
                        viewer.conditions(Mart.MUNICIPAL_SERVICE_ADOPTION, Map.of("prefecture_code", prefecture,
                                "municipality_code", municipality, "month", month)))
                .rows().stream()
                .sorted(Comparator.comparing((MartRow row) -> row.whole("offices_in_scope")).reversed()
                        .thenComparing(row -> row.text("service_type")))
                .toList();

        return new MunicipalityPage(municipality, adoption.text("municipality_name"), prefecture,
                adoption.text("prefecture_name"), month, months, scope.code(), trend.run().runId(), adoption,
                trend.rows(), comparison(prefecture, scope), savingOffices(prefecture, municipality, month, viewer),
                serviceTypes);
    }

    private Map<String, Double[]> comparison(String prefecture, DenominatorScope scope) throws SQLException {
        Map<String, long[]> prefectureSums = new LinkedHashMap<>();
        Map<String, long[]> nationalSums = new LinkedHashMap<>();
        for (MartRow row : marts.select(Mart.PREFECTURE_ADOPTION, Map.of("denominator_scope", scope.code())).rows()) {
            add(nationalSums, row);
            if (prefecture.equals(row.text("prefecture_code"))) {
                add(prefectureSums, row);
            }
        }
        Map<String, Double[]> comparison = new LinkedHashMap<>();
        nationalSums.forEach((month, nation) -> {
            long[] own = prefectureSums.getOrDefault(month, new long[3]);
            comparison.put(month, new Double[] {rate(own[1], own[0]), rate(nation[1], nation[0]),
                    rate(own[2], own[0]), rate(nation[2], nation[0])});
        });
        return comparison;
    }

    private static void add(Map<String, long[]> sums, MartRow row) {
        long[] sum = sums.computeIfAbsent(row.text("month"), month -> new long[3]);
        sum[0] += row.whole("offices_in_scope");
        sum[1] += row.whole("offices_applied");
        sum[2] += row.whole("offices_active");
    }

    private static Double rate(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    /** The funnel's last step, or null when office_savings is not published. */
    private Long savingOffices(String prefecture, String municipality, String month, Viewer viewer)
            throws SQLException {
        try {
            return marts.select(Mart.OFFICE_SAVINGS, viewer.conditions(Mart.OFFICE_SAVINGS, Map.of(
                            "prefecture_code", prefecture, "municipality_code", municipality, "month", month)))
                    .rows().stream().filter(row -> row.decimal("net_savings_yen") > 0).count();
        } catch (DashboardException notPublished) {
            if (!notPublished.isMartUnpublished()) {
                throw notPublished;
            }
            return null;
        }
    }
}
