package jp.renkei.dashboard.ranking;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jp.renkei.dashboard.mart.DenominatorScope;
import jp.renkei.dashboard.mart.MartResultCache;
import jp.renkei.dashboard.mart.MartRun;
import jp.renkei.dashboard.security.Viewer;

/**
 * What a ranking request resolved to: the run read, the month shown (the latest when none was asked for), the
 * scope, the prefecture filter (null for all), the list filter and the rows, plus the choices offered to this viewer.
 */
record Ranking(MartRun run, String month, DenominatorScope scope, String prefecture, RankingSort sort,
        RankingFilter filter, Viewer viewer, List<String> months, List<Prefecture> prefectures, List<MunicipalAdoptionRow> rows)
        implements MartResultCache.Weighed {

    @Override
    public long rowCount() {
        return rows.size();
    }

    /** For the month selector: newest first. */
    public List<String> monthsNewestFirst() {
        List<String> newestFirst = new ArrayList<>(months);
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    public long rankedCount() {
        return rows.stream().filter(MunicipalAdoptionRow::ranked).count();
    }
}
