package jp.renkei.ingest.demo;

import java.time.YearMonth;
import java.util.SplittableRandom;

/**
 * When each municipality joins the 介護情報基盤, from which month its insured persons' cards can be checked
 * (docs/demo-nation.md, "Card checks"). The portal's dates of 2026-02 [S]: the first starts in 2026-11 and about 10 %
 * of municipalities start within FY2026; every municipality is to start by the end of FY2027. The real list was not
 * found, so each municipality draws its own month: FY2026 starters uniformly over 2026-11…2027-03, the rest uniformly
 * over FY2027 [I].
 */
final class CardRollout {
    static final YearMonth FIRST_START = YearMonth.of(2026, 11);
    static final YearMonth LAST_START_IN_FISCAL_2026 = YearMonth.of(2027, 3);
    static final YearMonth LAST_START = YearMonth.of(2028, 3);
    static final double SHARE_STARTING_IN_FISCAL_2026 = 0.10;

    private CardRollout() {
    }

    static YearMonth startMonth(long seed, String municipalityCode) {
        SplittableRandom random = Draws.random(seed, "card-rollout", municipalityCode);
        if (random.nextDouble() < SHARE_STARTING_IN_FISCAL_2026) {
            return pick(random, FIRST_START, LAST_START_IN_FISCAL_2026);
        }
        return pick(random, LAST_START_IN_FISCAL_2026.plusMonths(1), LAST_START);
    }

    private static YearMonth pick(SplittableRandom random, YearMonth first, YearMonth last) {
        long months = first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
        return first.plusMonths(random.nextLong(months));
    }
}
