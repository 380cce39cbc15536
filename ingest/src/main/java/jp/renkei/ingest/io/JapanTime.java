package jp.renkei.ingest.io;

import java.time.ZoneId;

/**
 * Japan's time zone, in one place: the landing zone's dates, 対象年月 and the months of card checks, the relay's
 * messages to offices and the demo's calendar are all Japanese time (Asia/Tokyo, no daylight saving).
 */
public final class JapanTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private JapanTime() {
    }
}
