package jp.renkei.analytics.publish;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Run ids such as {@code 20261126T050242Z-3f9c}: the UTC start second plus 4 random hex digits; they sort by time. */
public final class RunId {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Pattern VALID = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{4}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunId() {
    }

    public static String next(Instant now) {
        byte[] suffix = new byte[2];
        RANDOM.nextBytes(suffix);
        return STAMP.format(now.truncatedTo(ChronoUnit.SECONDS)) + "-" + HexFormat.of().formatHex(suffix);
    }

    public static boolean isValid(String runId) {
        return runId != null && VALID.matcher(runId).matches();
    }
}
