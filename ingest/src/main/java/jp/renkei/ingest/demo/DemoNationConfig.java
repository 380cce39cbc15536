package jp.renkei.ingest.demo;

import java.time.YearMonth;
import java.util.List;

/**
 * What demo nation to build.
 *
 * @param prefectureCodes two-digit codes, e.g. 31 鳥取県
 * @param officeFraction the share of each municipality's offices kept (1 = all; below 1 only for small test nations)
 * @param adoptionBoost multiplies every office's chance to have adopted (1 = the national figures; above 1 only for
 *     small test nations that need a few linked pairs)
 * @param firstMonth the first month of applications (the linkage system started in 2023-04)
 * @param lastMonth the reference month: no application, file or report is dated after it
 * @param exchangeMonths how many months, ending at lastMonth, get standard files (0 = every month since adoption)
 * @param relayMonths how many of those months, ending at lastMonth, go to the outbox for the relay; the earlier ones
 *     go to the history archive for {@code renkei-ingest backfill}
 */
public record DemoNationConfig(long seed, List<String> prefectureCodes, double officeFraction, double adoptionBoost,
        YearMonth firstMonth, YearMonth lastMonth, int exchangeMonths, int relayMonths) {

    public static final long DEFAULT_SEED = 20_230_420L;
    public static final YearMonth LINKAGE_START = YearMonth.of(2023, 4);
    public static final YearMonth DEFAULT_LAST_MONTH = YearMonth.of(2026, 11);
    public static final int DEFAULT_EXCHANGE_MONTHS = 36;

    public DemoNationConfig {
        prefectureCodes = List.copyOf(prefectureCodes);
        if (prefectureCodes.isEmpty()) {
            throw new IllegalArgumentException("name at least one prefecture code (01–47)");
        }
        if (!(officeFraction > 0 && officeFraction <= 1)) {
            throw new IllegalArgumentException("officeFraction must be in (0, 1], was " + officeFraction);
        }
        if (!(adoptionBoost >= 1)) {
            throw new IllegalArgumentException("adoptionBoost must be 1 or more, was " + adoptionBoost);
        }
        if (lastMonth.isBefore(firstMonth)) {
            throw new IllegalArgumentException("lastMonth " + lastMonth + " is before firstMonth " + firstMonth);
        }
        if (exchangeMonths < 0) {
            throw new IllegalArgumentException("exchangeMonths must be 0 (all) or more, was " + exchangeMonths);
        }
        if (relayMonths < 0) {
            throw new IllegalArgumentException("relayMonths must be 0 or more, was " + relayMonths);
        }
    }

    /** A scale at the national figures, 36 months of files ending at lastMonth, the last one through the relay. */
    public static DemoNationConfig of(DemoScale scale, long seed, YearMonth lastMonth) {
        return new DemoNationConfig(seed, scale.prefectureCodes(), 1.0, 1.0, LINKAGE_START, lastMonth,
                DEFAULT_EXCHANGE_MONTHS, 1);
    }

    /** The embedded default: the small scale (鳥取・島根・岡山), 2023-04 … 2026-11, the last complete month. */
    public static DemoNationConfig embeddedDefault() {
        return of(DemoScale.SMALL, DEFAULT_SEED, DEFAULT_LAST_MONTH);
    }

    /**
     * A nation small enough for end-to-end tests: 鳥取県 with a fifth of its offices, adoption boosted so that a few
     * dozen pairs exchange files, six months of files: four for the backfill, two for the relay.
     */
    public static DemoNationConfig tiny(long seed) {
        return new DemoNationConfig(seed, List.of("31"), 0.2, 4.0, LINKAGE_START, DEFAULT_LAST_MONTH, 6, 2);
    }

    /** The first month that gets standard files. */
    public YearMonth firstExchangeMonth() {
        if (exchangeMonths == 0) {
            return firstMonth;
        }
        YearMonth candidate = lastMonth.minusMonths(exchangeMonths - 1L);
        return candidate.isBefore(firstMonth) ? firstMonth : candidate;
    }

    /** The first month whose files go through the relay; earlier months go to the history archive. */
    public YearMonth firstRelayMonth() {
        return lastMonth.minusMonths(relayMonths - 1L);
    }
}
