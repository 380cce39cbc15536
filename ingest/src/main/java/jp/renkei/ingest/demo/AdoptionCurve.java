package jp.renkei.ingest.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * When adopters applied: a monthly weight shaped on demo-figures.md §6 [I]: a launch wave in 2023-04, slow growth,
 * a jump with the フリーパス campaign (2025-06) and with the 令和7年度補正 incentive (2025-12), then steadier growth.
 */
final class AdoptionCurve {
    private final List<YearMonth> months = new ArrayList<>();
    private final double[] cumulative;

    AdoptionCurve(YearMonth firstMonth, YearMonth lastMonth) {
        List<Double> weights = new ArrayList<>();
        for (YearMonth month = firstMonth; !month.isAfter(lastMonth); month = month.plusMonths(1)) {
            months.add(month);
            weights.add(weight(month));
        }
        cumulative = new double[weights.size()];
        double sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            sum += weights.get(i);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
    }

    static double weight(YearMonth month) {
        if (month.equals(YearMonth.of(2023, 4))) {
            return 6.0;
        }
        if (month.isBefore(YearMonth.of(2023, 12))) {
            return 2.0;
        }
        if (month.isBefore(YearMonth.of(2025, 6))) {
            return 0.6;
        }
        if (month.equals(YearMonth.of(2025, 6))) {
            return 4.0;
        }
        if (month.equals(YearMonth.of(2025, 12))) {
            return 3.0;
        }
        return month.isBefore(YearMonth.of(2025, 12)) ? 1.2 : 1.5;
    }

    LocalDate drawApplicationDate(Random random) {
        double point = random.nextDouble();
        int index = 0;
        while (index < cumulative.length - 1 && cumulative[index] < point) {
            index++;
        }
        YearMonth month = months.get(index);
        return month.atDay(1 + random.nextInt(month.lengthOfMonth()));
    }
}
