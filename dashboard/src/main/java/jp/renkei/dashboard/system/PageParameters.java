package jp.renkei.dashboard.system;

import java.util.Optional;
import java.util.regex.Pattern;
import jp.renkei.dashboard.mart.DenominatorScope;

/** The query parameters the pages share, checked once: a malformed one is DASH-PARAM-001 naming the expected form. */
public final class PageParameters {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern PREFECTURE = Pattern.compile("0[1-9]|[1-3]\\d|4[0-7]");
    private static final Pattern OFFICE_NUMBER = Pattern.compile("\\d{10}");

    private PageParameters() {
    }

    /** {@code month=YYYY-MM}; empty when absent or blank (the page then shows the latest month). */
    public static Optional<String> month(String month) {
        return Optional.ofNullable(month).filter(value -> !value.isBlank()).map(value -> {
            if (!MONTH.matcher(value).matches()) {
                throw DashboardException.badParameter("month", "YYYY-MM 形式（例: 2026-10）", value);
            }
            return value;
        });
    }

    /** {@code scope=all_in_scope|care_management_only}; the configured default when absent or blank. */
    public static DenominatorScope scope(String scope, DenominatorScope fallback) {
        return scope == null || scope.isBlank() ? fallback : DenominatorScope.fromCode(scope)
                .orElseThrow(() -> DashboardException.badParameter("scope", "all_in_scope または care_management_only",
                        scope));
    }

    /** {@code prefecture=NN} (01–47); empty when absent or blank. */
    public static Optional<String> prefecture(String prefecture) {
        return Optional.ofNullable(prefecture).filter(value -> !value.isBlank()).map(PageParameters::prefectureCode);
    }

    /** A 事業所番号 from a path or parameter: ten digits. */
    public static String officeNumber(String number) {
        if (!OFFICE_NUMBER.matcher(number).matches()) {
            throw DashboardException.badParameter("事業所番号", "10桁の数字", number);
        }
        return number;
    }

    /** A prefecture code from a path or parameter, 01–47. */
    public static String prefectureCode(String code) {
        if (!PREFECTURE.matcher(code).matches()) {
            throw DashboardException.badParameter("都道府県コード", "01〜47 の2桁", code);
        }
        return code;
    }
}
