package jp.renkei.dashboard.prefecture;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jp.renkei.dashboard.mart.MartRow;

/**
 * What the prefecture page shows for one prefecture and month: its adoption row, its months so far (the trend), its
 * municipalities ranked within it, and its model regions against the prefecture's offices outside every region, with
 * each region's months for the comparison over time.
 */
public record PrefecturePage(String prefectureCode, String prefectureName, String month, List<String> months,
        String scope, String martRun, MartRow adoption, List<MartRow> trend, List<MartRow> municipalities,
        List<MartRow> regions, Map<String, List<MartRow>> regionHistory, boolean regionsPublished) {

    public List<String> monthsNewestFirst() {
        List<String> newestFirst = new ArrayList<>(months);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public List<MartRow> trendNewestFirst() {
        List<MartRow> newestFirst = new ArrayList<>(trend);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** Whether every region's budget and the prefecture's sum keep within the caps (¥8.5M a model, ¥60M a prefecture). */
    public boolean allWithinCaps() {
        return regions.stream().allMatch(region -> Boolean.TRUE.equals(region.flag("within_caps")));
    }
}
