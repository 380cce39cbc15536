package jp.renkei.ingest.standard;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** The standard's value formats: YYYYMMDD, YYYYMM, HHMM with 9999 for "no time". */
public final class StandardValues {
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuuMM").withResolverStyle(ResolverStyle.STRICT);
    public static final String NO_TIME = "9999";

    private StandardValues() {
    }

    public static String formatDate(LocalDate date) {
        if (date == null) {
            return "";
        }
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return date.format(DATE);
        }
        return fourDigits(year * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth(), 8);
    }

    public static String formatMonth(YearMonth month) {
        if (month == null) {
            return "";
        }
        int year = month.getYear();
        if (year < 0 || year > 9999) {
            return month.format(MONTH);
        }
        return fourDigits(year * 100 + month.getMonthValue(), 6);
    }

    /** The number zero-padded to {@code width} digits (the formatters' output without their per-call cost). */
    private static String fourDigits(int number, int width) {
        char[] digits = new char[width];
        for (int i = width - 1; i >= 0; i--) {
            digits[i] = (char) ('0' + number % 10);
            number /= 10;
        }
        return new String(digits);
    }

    /** A real calendar date in YYYYMMDD, or null (hand parsed: this runs for every date of every record). */
    static LocalDate parseDate(String value) {
        if (value.length() != 8 || !isDigits(value)) {
            return null;
        }
        int year = number(value, 0, 4);
        int month = number(value, 4, 6);
        int day = number(value, 6, 8);
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** A real month in YYYYMM, or null. */
    static YearMonth parseMonth(String value) {
        if (value.length() != 6 || !isDigits(value)) {
            return null;
        }
        int month = number(value, 4, 6);
        return month < 1 || month > 12 ? null : YearMonth.of(number(value, 0, 4), month);
    }

    /** The digits from {@code from} to {@code to} (already checked to be digits) as a number. */
    private static int number(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            number = number * 10 + (value.charAt(i) - '0');
        }
        return number;
    }

    /** HHMM from 0000 to 2359, or 9999. */
    static boolean isTime(String value) {
        if (NO_TIME.equals(value)) {
            return true;
        }
        if (value.length() != 4 || !isDigits(value)) {
            return false;
        }
        return number(value, 0, 2) <= 23 && number(value, 2, 4) <= 59;
    }

    static boolean isDigits(String value) {
        return !value.isEmpty() && isDigits(value, 0);
    }

    private static boolean isDigits(String value, int from) {
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** 被保険者番号: 10 digits, or {@code H} + 9 digits for 生活保護単独. */
    static boolean isInsuredPersonNumber(String value) {
        if (value.length() != 10) {
            return false;
        }
        return isDigits(value, 0) || (value.charAt(0) == 'H' && isDigits(value, 1));
    }
}
