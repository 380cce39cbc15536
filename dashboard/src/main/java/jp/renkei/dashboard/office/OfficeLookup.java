package jp.renkei.dashboard.office;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.renkei.dashboard.mart.MartRow;
import jp.renkei.dashboard.mart.MartRows;
import jp.renkei.dashboard.office.OfficePage.CurvePoint;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.dashboard.system.DashboardException;
import jp.renkei.marts.Mart;
import org.springframework.stereotype.Component;

/**
 * Reads one office's page from the marts: office_savings (required), plan_actual_agreement, improvement_office and
 * improvement_curve (each optional: a role that may not read it, or a mart not yet published, leaves its section out).
 * Every query is narrowed to the viewer; an office outside the viewer's scope is DASH-SCOPE-001 before any read.
 */
@Component
class OfficeLookup {

    private final MartRows marts;

    OfficeLookup(MartRows marts) {
        this.marts = marts;
    }

    OfficePage find(String officeNumber, Optional<String> requestedMonth, Viewer viewer) throws SQLException {
        // A 事業所番号 begins with its prefecture: another prefecture's office is refused before any read.
        viewer.narrow(Optional.of(officeNumber.substring(0, 2)));
        Map<String, String> office = Map.of("office_number", officeNumber);
        MartRows.Selection savings = marts.select(Mart.OFFICE_SAVINGS, viewer.conditions(Mart.OFFICE_SAVINGS, office));
        List<MartRow> history = savings.rows();
        if (history.isEmpty()) {
            throw DashboardException.unknownOffice(officeNumber);
        }
        List<String> months = history.stream().map(row -> row.text("month")).toList();
        String month = requestedMonth.orElse(months.get(months.size() - 1));
        if (!months.contains(month)) {
            throw DashboardException.unknownMonth(month, months.get(0), months.get(months.size() - 1));
        }
        MartRow ofMonth = history.get(months.indexOf(month));

        MartRow agreement = null;
        String agreementUnavailable = null;
        if (!viewer.canRead(Mart.PLAN_ACTUAL_AGREEMENT)) {
            agreementUnavailable = "role";
        } else {
            try {
                Map<String, String> conditions = new HashMap<>(office);
                conditions.put("month", month);
                agreement = marts.select(Mart.PLAN_ACTUAL_AGREEMENT,
                        viewer.conditions(Mart.PLAN_ACTUAL_AGREEMENT, conditions)).rows().stream().findFirst().orElse(null);
                agreementUnavailable = agreement == null ? "none" : null;
            } catch (DashboardException notPublished) {
                agreementUnavailable = unpublishedOrRethrow(notPublished);
            }
        }

        List<CurvePoint> curve = List.of();
        MartRow adoption = null;
        if (viewer.canRead(Mart.IMPROVEMENT_OFFICE)) {
            try {
                List<MartRow> own = marts.select(Mart.IMPROVEMENT_OFFICE,
                        viewer.conditions(Mart.IMPROVEMENT_OFFICE, office)).rows();
                if (!own.isEmpty()) {
                    adoption = own.get(0);
                    curve = curve(own, adoption.text("cohort"));
                }
            } catch (DashboardException notPublished) {
                unpublishedOrRethrow(notPublished);
            }
        }
        return new OfficePage(officeNumber, month, months, viewer, savings.run().runId(), ofMonth, history, agreement,
                agreementUnavailable, curve, adoption);
    }

    private List<CurvePoint> curve(List<MartRow> own, String cohort) throws SQLException {
        Map<Integer, MartRow> cohortByMonth = new HashMap<>();
        for (MartRow row : marts.select(Mart.IMPROVEMENT_CURVE, Map.of("cohort", cohort)).rows()) {
            cohortByMonth.put(row.small("months_since_adoption"), row);
        }
        List<CurvePoint> points = new ArrayList<>();
        for (MartRow row : own) {
            int since = row.small("months_since_adoption");
            MartRow pooled = cohortByMonth.get(since);
            points.add(new CurvePoint(since, row.text("month"), row.decimal("productivity_index"),
                    pooled == null ? null : pooled.decimal("index_p25"),
                    pooled == null ? null : pooled.decimal("index_median"),
                    pooled == null ? null : pooled.decimal("index_p75")));
        }
        points.sort((a, b) -> Integer.compare(a.monthsSinceAdoption(), b.monthsSinceAdoption()));
        return points;
    }

    private static String unpublishedOrRethrow(DashboardException failure) {
        if (failure.isMartUnpublished()) {
            return "unpublished";
        }
        throw failure;
    }
}
