package jp.renkei.dashboard.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.renkei.dashboard.security.Viewer;
import jp.renkei.marts.Mart;

/**
 * 秘匿処理 of small counts, as official statistics do: a count of 1 or 2 persons is shown as {@value #HIDDEN} to every
 * role below the ministry and in every export, whoever makes it — a figure that small could single a person out once
 * it leaves the ministry. Zero is shown (it singles nobody out). Which columns count persons is the marts' contract
 * ({@code MartColumn.personCount}).
 */
public final class SmallCounts {
    /** Counts from 1 up to (not including) this are hidden. */
    public static final long THRESHOLD = 3;
    public static final String HIDDEN = "<3";

    private SmallCounts() {
    }

    public static boolean hidden(Long persons) {
        return persons != null && persons > 0 && persons < THRESHOLD;
    }

    /** Whether this viewer's screens hide small counts (every role but the ministry). */
    public static boolean appliesTo(Viewer viewer) {
        return viewer.role() != Viewer.Role.MINISTRY;
    }

    /** An export cell: the count, or {@value #HIDDEN} (exports hide small counts for every role). */
    public static Object exportCell(Long persons) {
        return hidden(persons) ? HIDDEN : persons;
    }

    /** A mart row's values with its person counts hidden where they are small. */
    public static Map<String, Object> hideIn(Mart mart, Map<String, Object> values) {
        if (mart.personCountColumns().isEmpty()) {
            return values;
        }
        Map<String, Object> shown = new LinkedHashMap<>(values);
        for (String column : mart.personCountColumns()) {
            if (shown.get(column) instanceof Number count && hidden(count.longValue())) {
                shown.put(column, HIDDEN);
            }
        }
        return shown;
    }
}
