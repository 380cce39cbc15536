package jp.renkei.analytics.marts.adoption;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The months a mart covers, both ends included; months are Japanese calendar months written {@code YYYY-MM}. */
public record MonthRange(YearMonth from, YearMonth to) {

    public MonthRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from-month " + from + " is after to-month " + to);
        }
    }

    public static MonthRange of(String from, String to) {
        return new MonthRange(YearMonth.parse(from), YearMonth.parse(to));
    }

    /** Every month in order, as {@code YYYY-MM}. */
    public List<String> months() {
        List<String> months = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        return months;
    }

    /** The same range starting {@code count} months earlier (to look back for month-on-month changes). */
    public MonthRange extendedBack(int count) {
        return new MonthRange(from.minusMonths(count), to);
    }
}
