package jp.renkei.relay.server;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes one office may have the relay store per day (Japanese calendar day), so that one office sending junk that
 * passes every check cannot fill the disk the others' files go to. Counted in memory from the acknowledged uploads:
 * a restart starts the day's count again, which a sender cannot cause. The check comes before an upload, the charge
 * after it is stored, so uploads in flight can pass the quota by at most their own sizes.
 */
final class OfficeStorageQuota {
    /** The landing zone's day is the Japanese calendar day; the quota's is the same. */
    private static final ZoneId JAPAN = jp.renkei.ingest.landing.LandingWriter.LANDING_ZONE_ID;

    private final long bytesPerDay;
    private final Clock clock;
    private final ConcurrentHashMap<String, DayCount> stored = new ConcurrentHashMap<>();

    private record DayCount(LocalDate day, AtomicLong bytes) {
    }

    /** @param bytesPerDay 0 for no quota */
    OfficeStorageQuota(long bytesPerDay, Clock clock) {
        if (bytesPerDay < 0) {
            throw new IllegalArgumentException("the storage quota must be 0 (none) or more bytes, was " + bytesPerDay);
        }
        this.bytesPerDay = bytesPerDay;
        this.clock = clock;
    }

    long bytesPerDay() {
        return bytesPerDay;
    }

    /** Whether {@code office} has stored its quota today already. */
    boolean isSpent(String office) {
        return bytesPerDay > 0 && today(office).bytes().get() >= bytesPerDay;
    }

    /** Counts {@code bytes} stored for {@code office} today. */
    void charge(String office, long bytes) {
        if (bytesPerDay > 0) {
            today(office).bytes().addAndGet(bytes);
        }
    }

    /** Seconds until the quota renews (the next midnight in Japan), at least 1. */
    long secondsUntilRenewal() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(JAPAN));
        return Math.max(1, Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(JAPAN)).toSeconds());
    }

    private DayCount today(String office) {
        LocalDate day = LocalDate.now(clock.withZone(JAPAN));
        return stored.compute(office, (ignored, count) -> count != null && count.day().equals(day) ? count
                : new DayCount(day, new AtomicLong()));
    }
}
