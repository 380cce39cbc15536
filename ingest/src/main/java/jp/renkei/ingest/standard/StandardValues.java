package jp.renkei.ingest.standard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The standard's value formats: YYYYMMDD, YYYYMM, HHMM with 9999 for "no time". */
public final class StandardValues {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuuMM").withResolverStyle(ResolverStyle.STRICT);
    public static final String NO_TIME = "9999";

    private StandardValues() {
    }

    public static String formatDate(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    public static String formatMonth(YearMonth month) {
        return month == null ? "" : month.format(MONTH);
    }

    /** A real calendar date in YYYYMMDD, or null. */
    static LocalDate parseDate(String value) {
        if (value.length() != 8) {
            return null;
        }
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /** A real month in YYYYMM, or null. */
    static YearMonth parseMonth(String value) {
        if (value.length() != 6) {
            return null;
        }
        try {
            return YearMonth.parse(value, MONTH);
        } catch (DateTimeParseException notAMonth) {
            return null;
        }
    }

    /** HHMM from 0000 to 2359, or 9999. */
    static boolean isTime(String value) {
        if (NO_TIME.equals(value)) {
            return true;
        }
        if (value.length() != 4 || !isDigits(value)) {
            return false;
        }
        int hours = Integer.parseInt(value.substring(0, 2));
        int minutes = Integer.parseInt(value.substring(2));
        return hours <= 23 && minutes <= 59;
    }

    static boolean isDigits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** 被保険者番号: 10 digits, or {@code H} + 9 digits for 生活保護単独. */
    static boolean isInsuredPersonNumber(String value) {
        if (value.length() != 10) {
            return false;
        }
        return isDigits(value) || (value.charAt(0) == 'H' && isDigits(value.substring(1)));
    }
}
