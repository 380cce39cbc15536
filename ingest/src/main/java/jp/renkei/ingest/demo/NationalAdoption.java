package jp.renkei.ingest.demo;

import java.time.YearMonth;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The national adoption the demo nation is calibrated to: the share of in-scope offices holding a license at a
 * month's end, interpolated linearly between anchors. Anchors marked [S] are published figures, [I] are shaped to
 * them (docs/demo-nation.md, "Adoption"): the launch wave of 2023-04, 4.6% in 2023-11, a flat 2025 ("about 6%"),
 * the フリーパス campaign from 2025-06, the 令和7年度補正 incentive of 2025-12, 7.6% in 2026-01.
 */
final class NationalAdoption {
    static final YearMonth CALIBRATION_MONTH = YearMonth.of(2026, 1);

    private static final NavigableMap<YearMonth, Double> ANCHORS = new TreeMap<>(Map.of(
            YearMonth.of(2023, 3), 0.0,
            YearMonth.of(2023, 4), 0.012,
            YearMonth.of(2023, 7), 0.030,
            YearMonth.of(2023, 11), 0.046,
            YearMonth.of(2025, 5), 0.060,
            YearMonth.of(2025, 6), 0.064,
            YearMonth.of(2025, 11), 0.068,
            YearMonth.of(2025, 12), 0.072,
            YearMonth.of(2026, 1), 0.076,
            YearMonth.of(2026, 12), 0.096));

    private NationalAdoption() {
    }

    /** The target share of in-scope offices licensed by the end of the month (0 before 2023-04). */
    static double share(YearMonth month) {
        Map.Entry<YearMonth, Double> before = ANCHORS.floorEntry(month);
        if (before == null) {
            return 0;
        }
        Map.Entry<YearMonth, Double> after = ANCHORS.ceilingEntry(month);
        if (after == null) {
            YearMonth last = ANCHORS.lastKey();
            Map.Entry<YearMonth, Double> previous = ANCHORS.lowerEntry(last);
            double perMonth = (before.getValue() - previous.getValue()) / monthsBetween(previous.getKey(), last);
            return before.getValue() + perMonth * monthsBetween(last, month);
        }
        if (after.getKey().equals(before.getKey())) {
            return before.getValue();
        }
        double position = (double) monthsBetween(before.getKey(), month) / monthsBetween(before.getKey(), after.getKey());
        return before.getValue() + position * (after.getValue() - before.getValue());
    }

    static long monthsBetween(YearMonth from, YearMonth to) {
        return from.until(to, java.time.temporal.ChronoUnit.MONTHS);
    }
}
