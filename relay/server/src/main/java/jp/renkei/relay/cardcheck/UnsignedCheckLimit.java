package jp.renkei.relay.cardcheck;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many face and visual checks (no card signature) one office may make per clock hour. They prove no card in the
 * reader, so they answer no personal data; the limit keeps an office with a stash of copied card certificates from
 * sweeping eligibility results.
 */
final class UnsignedCheckLimit {
    /** A busy counter checks a few people an hour by face or by sight; thirty leaves room, a sweep does not fit. */
    static final int DEFAULT_PER_HOUR = 30;

    private final int perHour;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long hour, AtomicInteger used) {
    }

    UnsignedCheckLimit(int perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
    }

    /** Takes one of {@code office}'s checks of this hour; false when none is left. */
    boolean tryTake(String office) {
        long hour = clock.millis() / 3_600_000L;
        Window window = windows.compute(office, (ignored, current) -> current != null && current.hour() == hour
                ? current : new Window(hour, new AtomicInteger()));
        return window.used().incrementAndGet() <= perHour;
    }
}
