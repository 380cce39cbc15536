package jp.renkei.dashboard.ranking;

import java.util.Optional;
import java.util.regex.Pattern;
import jp.renkei.dashboard.system.DashboardException;

/**
 * Which municipalities the ranking lists: a name or code search, one size class, a minimum of in-scope offices. A
 * filter hides rows; it never re-ranks them, so a row keeps the ranks the mart gave it nationwide.
 *
 * @param search part of the municipality name ("米子"), or the start of its code ("3120")
 * @param sizeClass S, M, L, XL or NONE (no in-scope office), as the mart's {@code size_class}
 * @param minOffices the least {@code offices_in_scope} listed; 0 lists every municipality
 */
record RankingFilter(Optional<String> search, Optional<String> sizeClass, long minOffices) {

    static final RankingFilter NONE = new RankingFilter(Optional.empty(), Optional.empty(), 0);

    private static final int SEARCH_LIMIT = 40;
    private static final Pattern SIZE_CLASS = Pattern.compile("S|M|L|XL|NONE");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,7}");

    /** From {@code q=}, {@code size=} and {@code min_offices=}; blank means not given, anything else malformed is 400. */
    static RankingFilter parse(String search, String sizeClass, String minOffices) {
        Optional<String> text = given(search);
        if (text.isPresent() && text.get().length() > SEARCH_LIMIT) {
            throw DashboardException.badParameter("q", SEARCH_LIMIT + " 文字以内の市区町村名またはコード", text.get());
        }
        Optional<String> size = given(sizeClass);
        if (size.isPresent() && !SIZE_CLASS.matcher(size.get()).matches()) {
            throw DashboardException.badParameter("size", "S, M, L, XL, NONE のいずれか", size.get());
        }
        Optional<String> least = given(minOffices);
        if (least.isPresent() && !WHOLE_NUMBER.matcher(least.get()).matches()) {
            throw DashboardException.badParameter("min_offices", "0 以上の整数（例: 10）", least.get());
        }
        return new RankingFilter(text, size, least.map(Long::parseLong).orElse(0L));
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** For links and form fields (from the templates): the parameter as sent, "" when not given. */
    public String q() {
        return search.orElse("");
    }

    public String size() {
        return sizeClass.orElse("");
    }

    public String minOfficesParam() {
        return minOffices == 0 ? "" : Long.toString(minOffices);
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
