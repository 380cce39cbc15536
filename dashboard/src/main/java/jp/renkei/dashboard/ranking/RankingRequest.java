package jp.renkei.dashboard.ranking;

import jp.renkei.dashboard.mart.DenominatorScope;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The ranking's query parameters as sent, bound by name for every view of the ranking (page, chart, CSV, XLSX, API):
 * {@code month, prefecture, scope, sort, dir, q, size, min_offices}. Kept as text so that a malformed value is
 * DASH-PARAM-001 naming the parameter, not a binding error.
 */
record RankingRequest(String month, String prefecture, String scope, String sort, String dir, String q, String size,
        @BindParam("min_offices") String minOffices) {

    RankingParams parse(DenominatorScope defaultScope) {
        return RankingParams.parse(month, prefecture, scope, sort, dir, defaultScope)
                .withFilter(RankingFilter.parse(q, size, minOffices));
    }
}
