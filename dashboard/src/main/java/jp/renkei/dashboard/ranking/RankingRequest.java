package jp.renkei.dashboard.ranking;

import io.swagger.v3.oas.annotations.Parameter;
import jp.renkei.dashboard.mart.DenominatorScope;
import org.springframework.web.bind.annotation.BindParam;

/**
 * The ranking's query parameters as sent, bound by name for every view of the ranking (page, chart, CSV, XLSX, API):
 * {@code month, prefecture, scope, sort, dir, q, size, min_offices}. Kept as text so that a malformed value is
 * DASH-PARAM-001 naming the parameter, not a binding error.
 */
record RankingRequest(
        @Parameter(description = "YYYY-MM（ページでは省略時に最新月、API では必須）", example = "2026-10") String month,
        @Parameter(description = "都道府県コード 01〜47（省略で全国）", example = "31") String prefecture,
        @Parameter(description = "分母の範囲: all_in_scope（既定）または care_management_only") String scope,
        @Parameter(description = "並び順: rank, size_class_rank, wilson_rank, rate, active_rate, offices, change, "
                + "prefecture, name") String sort,
        @Parameter(description = "asc または desc（省略で列ごとの既定）") String dir,
        @Parameter(description = "市区町村名の一部、またはコードの先頭（40文字以内、ワイルドカードなし）", example = "米子") String q,
        @Parameter(description = "規模区分: S, M, L, XL, NONE") String size,
        @Parameter(name = "min_offices", description = "対象事業所数の下限") @BindParam("min_offices") String minOffices) {

    RankingParams parse(DenominatorScope defaultScope) {
        return RankingParams.parse(month, prefecture, scope, sort, dir, defaultScope)
                .withFilter(RankingFilter.parse(q, size, minOffices));
    }
}
