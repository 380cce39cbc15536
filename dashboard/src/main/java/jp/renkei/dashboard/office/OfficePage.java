package jp.renkei.dashboard.office;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.renkei.dashboard.mart.MartRow;
import jp.renkei.dashboard.security.Viewer;

/**
 * What the office page shows for one office and month: its savings row of the month (the model's estimate and, beside
 * it, its own reports), its months so far, its plan/actual agreement, and its place on the U-curve against its cohort.
 * Sections the viewer may not read, or whose mart is not published, are null or empty and the page says so.
 */
public record OfficePage(String officeNumber, String month, List<String> months, Viewer viewer, String martRun,
        MartRow savings, List<MartRow> history, MartRow agreement, String agreementUnavailable,
        List<CurvePoint> curve, MartRow adoption) {

    /** A month of the office's productivity index beside its cohort's quartiles at the same months since adoption. */
    public record CurvePoint(int monthsSinceAdoption, String month, Double index, Double cohortP25,
            Double cohortMedian, Double cohortP75) {
    }

    public List<String> monthsNewestFirst() {
        List<String> newestFirst = new ArrayList<>(months);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The history newest first, as the table shows it. */
    public List<MartRow> historyNewestFirst() {
        List<MartRow> newestFirst = new ArrayList<>(history);
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}
