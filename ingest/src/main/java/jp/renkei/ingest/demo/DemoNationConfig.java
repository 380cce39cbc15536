package jp.renkei.ingest.demo;

import java.time.YearMonth;
import java.util.List;

/**
 * What demo nation to build.
 *
 * @param prefectureCodes two-digit codes, e.g. 31 鳥取県
 * @param officeCount offices (事業所番号 × service type) spread over the prefectures' municipalities
 * @param firstMonth the first month of applications (the linkage system started in 2023-04)
 * @param lastMonth the reference month: no application or file is dated after it
 * @param exchangeMonths how many months, ending at lastMonth, get standard files (0 = every month since adoption)
 */
public record DemoNationConfig(long seed, List<String> prefectureCodes, int officeCount, YearMonth firstMonth,
        YearMonth lastMonth, int exchangeMonths) {

    public static final long DEFAULT_SEED = 20_230_420L;

    public DemoNationConfig {
        prefectureCodes = List.copyOf(prefectureCodes);
        if (prefectureCodes.isEmpty()) {
            throw new IllegalArgumentException("name at least one prefecture code (01–47)");
        }
        if (officeCount < 10) {
            throw new IllegalArgumentException("officeCount must be at least 10, was " + officeCount);
        }
        if (lastMonth.isBefore(firstMonth)) {
            throw new IllegalArgumentException("lastMonth " + lastMonth + " is before firstMonth " + firstMonth);
        }
        if (exchangeMonths < 0) {
            throw new IllegalArgumentException("exchangeMonths must be 0 (all) or more, was " + exchangeMonths);
        }
    }

    /** The embedded default: 鳥取・島根・岡山 (岡山市 has wards), a few thousand offices, 2023-04 … 2026-10. */
    public static DemoNationConfig embeddedDefault() {
        return new DemoNationConfig(DEFAULT_SEED, List.of("31", "32", "33"), 3_000, YearMonth.of(2023, 4),
                YearMonth.of(2026, 10), 0);
    }

    /** A nation small enough for end-to-end tests: one prefecture, a hundred-odd offices, the last six months of files. */
    public static DemoNationConfig tiny(long seed) {
        return new DemoNationConfig(seed, List.of("31"), 160, YearMonth.of(2023, 4), YearMonth.of(2026, 10), 6);
    }

    /** The first month that gets standard files. */
    public YearMonth firstExchangeMonth() {
        if (exchangeMonths == 0) {
            return firstMonth;
        }
        YearMonth candidate = lastMonth.minusMonths(exchangeMonths - 1L);
        return candidate.isBefore(firstMonth) ? firstMonth : candidate;
    }
}
