package jp.renkei.dashboard.cardcheck;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import jp.renkei.dashboard.mart.MartRow;
import jp.renkei.dashboard.mart.MartRows;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.marts.Mart;
import org.springframework.stereotype.Component;

/**
 * Reads card_check_activity narrowed to the viewer (its prefecture, municipality or office; the ministry may choose a
 * prefecture) and sums it by month and, for the chosen month, by municipality. A scope without any check yet (most
 * municipalities join the 介護情報基盤 later) is a page that says so, not an error.
 */
@Component
class CardCheckLookup {

    private static final Mart MART = Mart.CARD_CHECK_ACTIVITY;

    private final MartRows marts;

    CardCheckLookup(MartRows marts) {
        this.marts = marts;
    }

    CardCheckPage find(Optional<String> requestedMonth, Optional<String> requestedPrefecture, Viewer viewer)
            throws SQLException {
        Optional<String> prefecture = viewer.narrow(requestedPrefecture);
        Map<String, String> requested = new LinkedHashMap<>();
        prefecture.ifPresent(code -> requested.put("prefecture_code", code));
        MartRows.Selection selection = marts.select(MART, viewer.conditions(MART, requested));

        Map<String, List<MartRow>> byMonth = new TreeMap<>(Comparator.reverseOrder());
        selection.rows().forEach(row -> byMonth.computeIfAbsent(row.text("month"), month -> new ArrayList<>()).add(row));
        List<CardCheckPage.MonthTotals> trend = new ArrayList<>();
        byMonth.forEach((month, rows) -> trend.add(new CardCheckPage.MonthTotals(month, total(rows))));
        if (trend.isEmpty()) {
            requestedMonth.ifPresent(month -> {
                throw DashboardException.noMonthsYet(month, MART.folder());
            });
            return new CardCheckPage(null, prefecture.orElse(null), selection.run().runId(), List.of(),
                    new CardCheckTotals(), List.of());
        }
        String newest = trend.get(0).month();
        String month = requestedMonth.orElse(newest);
        if (!byMonth.containsKey(month)) {
            throw DashboardException.unknownMonth(month, trend.get(trend.size() - 1).month(), newest);
        }
        return new CardCheckPage(month, prefecture.orElse(null), selection.run().runId(), trend,
                total(byMonth.get(month)), byMunicipality(byMonth.get(month)));
    }

    private static List<CardCheckPage.MunicipalityTotals> byMunicipality(List<MartRow> rows) {
        Map<String, List<MartRow>> grouped = new LinkedHashMap<>();
        rows.forEach(row -> grouped.computeIfAbsent(Objects.toString(row.text("municipality_code"), ""),
                code -> new ArrayList<>()).add(row));
        return grouped.values().stream()
                .map(group -> new CardCheckPage.MunicipalityTotals(group.get(0).text("municipality_code"),
                        group.get(0).text("municipality_name"), group.get(0).text("prefecture_code"), group.size(),
                        total(group)))
                .sorted(Comparator.comparing((CardCheckPage.MunicipalityTotals totals) -> totals.totals().checks())
                        .reversed().thenComparing(totals -> Objects.toString(totals.municipalityCode(), "~")))
                .toList();
    }

    private static CardCheckTotals total(List<MartRow> rows) {
        CardCheckTotals totals = new CardCheckTotals();
        rows.forEach(totals::add);
        return totals;
    }
}
