package jp.renkei.dashboard.effects;

import java.util.List;
import jp.renkei.dashboard.mart.MartRow;

/**
 * The improvement effect: the U-curve of one adoption cohort (median and quartiles of the productivity index by
 * months since adoption), how deep its dip is and when the median is back at the baseline; and plan/actual agreement
 * by month over the offices the viewer may see (null when its role may not read that mart or it is unpublished).
 */
public record EffectsPage(String cohort, List<String> cohorts, String curveRun, List<MartRow> curve,
        Integer dipMonth, Double dipMedian, Integer recoveredMonth, List<AgreementMonth> agreement,
        String agreementUnavailable) {

    /** Plan/actual agreement summed over the viewer's offices for one month. */
    public record AgreementMonth(String month, long offices, long planned, long matched, long moved, long cancelled,
            long added) {

        public Double matchedShare() {
            return planned == 0 ? null : (double) matched / planned;
        }

        public Double movedShare() {
            return planned == 0 ? null : (double) moved / planned;
        }

        public Double cancelledShare() {
            return planned == 0 ? null : (double) cancelled / planned;
        }
    }
}
