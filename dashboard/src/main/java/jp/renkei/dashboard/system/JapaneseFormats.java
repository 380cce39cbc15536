package jp.renkei.dashboard.system;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.renkei.dashboard.privacy.SmallCounts;
import jp.renkei.dashboard.security.Viewer;
import org.springframework.stereotype.Component;

/**
 * How figures read on the Japanese pages: counts with 3-digit grouping ("1,234"), fractions as percent with one
 * decimal rounded half up ("12.3%"), changes in percentage points ("+2.3pt"), months as "2026年10月". A missing value
 * (null: no in-scope office, or no figure three months earlier) is "—". Used from templates as {@code ${fmt...}}.
 */
@Component
public class JapaneseFormats {

    /** Shown for a value that does not exist (not zero). */
    public static final String MISSING = "—";

    private static final MathContext SIGNIFICANT = new MathContext(12, RoundingMode.HALF_EVEN);
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm", Locale.JAPAN);

    public String count(Long value) {
        return value == null ? MISSING : NumberFormat.getIntegerInstance(Locale.JAPAN).format(value);
    }

    /** A count of persons: "<3" for 1 or 2 where the viewer is not the ministry ({@link SmallCounts}). */
    public String persons(Long value, Viewer viewer) {
        return SmallCounts.appliesTo(viewer) && SmallCounts.hidden(value) ? SmallCounts.HIDDEN : count(value);
    }

    public String rank(Integer value) {
        return value == null ? MISSING : NumberFormat.getIntegerInstance(Locale.JAPAN).format(value);
    }

    /** A fraction as percent: 0.1234 → "12.3%". */
    public String percent(Double fraction) {
        return fraction == null ? MISSING : oneDecimalPercent(fraction) + "%";
    }

    /** A change of a fraction as signed percentage points: 0.023 → "+2.3pt", -0.0049 → "-0.5pt", 0 → "±0.0pt". */
    public String points(Double change) {
        if (change == null) {
            return MISSING;
        }
        BigDecimal points = oneDecimalPercent(change);
        String sign = points.signum() > 0 ? "+" : points.signum() == 0 ? "±" : "";
        return sign + points.toPlainString() + "pt";
    }

    /** Yen rounded to the yen: 12345.6 → "¥12,346". */
    public String yen(Double value) {
        return value == null ? MISSING : "¥" + NumberFormat.getIntegerInstance(Locale.JAPAN)
                .format(BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP));
    }

    /** A decimal figure with one decimal and thousands separators: 1234.56 → "1,234.6". */
    public String decimal(Double value) {
        if (value == null) {
            return MISSING;
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.JAPAN);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(value);
    }

    /** A whole figure held as a decimal (sheets): 1234.4 → "1,234". */
    public String whole(Double value) {
        return value == null ? MISSING : NumberFormat.getIntegerInstance(Locale.JAPAN)
                .format(BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP));
    }

    /** An index with two decimals: 0.8734 → "0.87". */
    public String index(Double value) {
        return value == null ? MISSING : BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** "2026-10" → "2026年10月". */
    public String month(String yearMonth) {
        Matcher m = MONTH.matcher(yearMonth == null ? "" : yearMonth);
        if (!m.matches()) {
            return MISSING;
        }
        return m.group(1) + "年" + Integer.parseInt(m.group(2)) + "月";
    }

    /** The reference-month line: "2026-10" → "2026年10月末時点" (figures are as of the month's end). */
    public String asOfMonthEnd(String yearMonth) {
        String month = month(yearMonth);
        return MISSING.equals(month) ? MISSING : month + "末時点";
    }

    /** A size in bytes with one decimal in the largest fitting unit: 20_312_000_000 → "18.9 GB", 512 → "512 B". */
    public String bytes(Long value) {
        if (value == null) {
            return MISSING;
        }
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double size = value;
        int unit = 0;
        while (size >= 1024 && unit < units.length - 1) {
            size /= 1024;
            unit++;
        }
        return unit == 0 ? value + " B" : decimal(size) + " " + units[unit];
    }

    /** An instant in Japan time: "2026年12月3日 08:29 JST". */
    public String dateTime(Instant instant) {
        return instant == null ? MISSING : DATE_TIME.format(instant.atZone(TOKYO)) + " JST";
    }

    /**
     * A month in 西暦 with the 和暦 beside it, as official tables expect: "2026-10" → "2026年（令和8年）10月". 令和 began
     * 2019-05-01; 2019-01…04 are 平成31年, and earlier months are shown in 西暦 only.
     */
    public String monthWithEra(String yearMonth) {
        Matcher m = MONTH.matcher(yearMonth == null ? "" : yearMonth);
        if (!m.matches()) {
            return MISSING;
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        String era;
        if (year > 2019 || year == 2019 && month >= 5) {
            int reiwa = year - 2018;
            era = "令和" + (reiwa == 1 ? "元" : Integer.toString(reiwa)) + "年";
        } else if (year == 2019) {
            era = "平成31年";
        } else {
            return month(yearMonth);
        }
        return year + "年（" + era + "）" + month + "月";
    }

    /** The reference-month line of an official table: "2026-10" → "2026年（令和8年）10月末時点". */
    public String asOfMonthEndWithEra(String yearMonth) {
        String month = monthWithEra(yearMonth);
        return MISSING.equals(month) ? MISSING : month + "末時点";
    }

    private static BigDecimal oneDecimalPercent(double fraction) {
        // The shortest decimal form of the double, cut to 12 significant digits first, so that binary noise of the
        // mart's arithmetic does not decide the rounding: 1 − 77/80 = 0.03749999999999998 shows as +3.8pt, like 0.0375.
        return BigDecimal.valueOf(fraction).round(SIGNIFICANT).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }
}
