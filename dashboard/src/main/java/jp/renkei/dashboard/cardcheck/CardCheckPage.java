package jp.renkei.dashboard.cardcheck;

import java.util.List;

/**
 * The card checks page for one month within the viewer's scope (and the chosen prefecture): the months so far, the
 * month's totals with failures by reason, and the month by municipality.
 */
public record CardCheckPage(String month, String prefecture, String martRun, List<MonthTotals> trend,
        CardCheckTotals selected, List<MunicipalityTotals> municipalities) {

    /** One month's totals, newest first in {@link #trend()}. */
    public record MonthTotals(String month, CardCheckTotals totals) {
    }

    /** One municipality's totals in the month; name and code null for offices not in the office list. */
    public record MunicipalityTotals(String municipalityCode, String municipalityName, String prefectureCode,
            long offices, CardCheckTotals totals) {
    }
}
