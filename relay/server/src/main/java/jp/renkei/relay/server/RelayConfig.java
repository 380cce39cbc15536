package jp.renkei.relay.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import jp.renkei.relay.cardcheck.CardCheckConfig;

/**
 * Every relay setting with its default. Values come from one properties file, then environment variables
 * ({@code relay.port} ← {@code RENKEI_RELAY_PORT}, {@code relay.maximum-file-bytes} ←
 * {@code RENKEI_RELAY_MAXIMUM_FILE_BYTES}: upper case, dots and hyphens to underscores, {@code RENKEI_} prefix) win.
 *
 * @param home the relay's own folder (journal, inboxes, TLS); normally {@code <RENKEI_HOME>/relay}
 * @param landingRoot where exchanges and schedule lines land; normally {@code <RENKEI_HOME>/landing}
 * @param registryRoster the license roster that lists the offices the relay delivers to
 * @param officeUploadsPerSecond uploads one office may make per second, sustained (0: no limit); past it 429
 * @param officeUploadBurst uploads one office may make at once before the sustained rate applies
 * @param journalSegmentBytes the size at which the journal begins a new segment file (the unit retention deletes)
 * @param retentionDays how long delivered files are kept in the journal after they arrived; then their segment is
 *     deleted once everything in it has landed (downloads of them answer 404, receipts are forgotten)
 * @param officeBytesPerDay bytes one office may have the relay store per Japanese calendar day (0: no quota); past it
 *     429 RELAY-QUOTA-001 until midnight
 * @param officeUploadsInFlight bodies one office may be sending at once (0: no limit); past it 429 before the body
 *     is read, so trickling uploads of one office cannot take every worker
 * @param uploadMemoryBytes the heap uploads in flight may take together (bodies and their parse, estimated from
 *     lines and fields); past it an upload is refused with 503 and Retry-After. 0 (the default): half the heap
 * @param cardCheck the card-check settings ({@code relay.card-check.*}); see {@link CardCheckConfig}
 */
public record RelayConfig(
        Path home,
        Path landingRoot,
        Path secretsFolder,
        Path registryRoster,
        String bindAddress,
        int port,
        long maximumFileBytes,
        int journalQueueCapacity,
        int journalMaximumBatch,
        int handlerThreads,
        long landingFlushIntervalMillis,
        int landingFlushRows,
        int officeUploadsPerSecond,
        int officeUploadBurst,
        long journalSegmentBytes,
        int retentionDays,
        int officeUploadsInFlight,
        long officeBytesPerDay,
        long uploadMemoryBytes,
        CardCheckConfig cardCheck) {

    /**
     * The largest file the journal can hold with room for its record header; a larger limit would let the relay
     * acknowledge a file that recovery then takes for a torn record and cuts off, with everything after it.
     */
    public static final long LARGEST_MAXIMUM_FILE_BYTES = 60L * 1024 * 1024;

    public RelayConfig {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("relay setting relay.retention-days must be at least 1, was " + retentionDays);
        }
        if (uploadMemoryBytes < 0) {
            throw new IllegalArgumentException("relay setting relay.upload-memory-bytes must be 0 (half the heap) or"
                    + " more, was " + uploadMemoryBytes);
        }
        if (maximumFileBytes < 1 || maximumFileBytes > LARGEST_MAXIMUM_FILE_BYTES) {
            throw new IllegalArgumentException("relay setting relay.maximum-file-bytes must be between 1 and "
                    + LARGEST_MAXIMUM_FILE_BYTES + " (what one journal record can hold), was " + maximumFileBytes);
        }
    }

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 8443;
    public static final long DEFAULT_MAXIMUM_FILE_BYTES = 16L * 1024 * 1024;
    public static final int DEFAULT_JOURNAL_QUEUE_CAPACITY = 4_096;
    public static final int DEFAULT_JOURNAL_MAXIMUM_BATCH = 64;
    /**
     * Worker threads read bodies and validate; an upload no longer holds one while it waits for the group commit. 64 is
     * the figure chosen when it did (16 capped the relay near 16 ÷ fsync time on a busy disk) and costs little idle.
     */
    public static final int DEFAULT_HANDLER_THREADS = 64;
    public static final long DEFAULT_LANDING_FLUSH_INTERVAL_MILLIS = 5_000;
    public static final int DEFAULT_LANDING_FLUSH_ROWS = 200_000;
    /**
     * A month-end batch of a large office (a thousand files) goes through in seconds; a runaway agent cannot take more
     * than a small share of the relay (≥ 3,000 files/s) from the others.
     */
    public static final int DEFAULT_OFFICE_UPLOADS_PER_SECOND = 50;
    public static final int DEFAULT_OFFICE_UPLOAD_BURST = 500;
    public static final long DEFAULT_JOURNAL_SEGMENT_BYTES = jp.renkei.relay.journal.Journal.DEFAULT_SEGMENT_BYTES;
    /** A month's files stay downloadable past the next month's 10th, when offices reconcile 実績. */
    public static final int DEFAULT_RETENTION_DAYS = 45;
    /** An agent sends one file at a time; a few more leave room for retries that overlap the upload they repeat. */
    public static final int DEFAULT_OFFICE_UPLOADS_IN_FLIGHT = 8;
    /**
     * A large office's month end is a thousand files of ten kilobytes, 10 MB; 256 MiB a day leaves room for images
     * and resends, and bounds what one office can put on the disk in the retention period to about 11 GB.
     */
    public static final long DEFAULT_OFFICE_BYTES_PER_DAY = 256L * 1024 * 1024;
    /** 0: half of the heap the relay's JVM may grow to (-Xmx). */
    public static final long DEFAULT_UPLOAD_MEMORY_BYTES = 0;

    /**
     * The relay's settings: {@code configFile}, else {@code <renkeiHome>/relay.properties} if present, then the
     * environment ({@code RENKEI_RELAY_…}) over both.
     */
    public static RelayConfig fromFiles(Path renkeiHome, Path configFile) throws IOException {
        Properties properties = new Properties();
        Path file = configFile != null ? configFile : renkeiHome.resolve("relay.properties");
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        } else if (configFile != null) {
            throw new IOException("relay configuration " + configFile + " does not exist");
        }
        return load(renkeiHome, properties, System.getenv());
    }

    /** Reads the settings for a RENKEI_HOME from {@code properties} then {@code environment}. */
    public static RelayConfig load(Path renkeiHome, Properties properties, Map<String, String> environment) {
        Function<String, String> value = key -> {
            String variable = "RENKEI_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
            String fromEnvironment = environment.get(variable);
            return fromEnvironment != null ? fromEnvironment : properties.getProperty(key);
        };
        Path relayHome = path(value.apply("relay.home"), renkeiHome.resolve("relay"));
        return new RelayConfig(
                relayHome,
                path(value.apply("relay.landing"), renkeiHome.resolve("landing")),
                path(value.apply("relay.secrets"), renkeiHome.resolve("secrets")),
                path(value.apply("relay.registry"), relayHome.resolve("registry").resolve("applications.csv")),
                text(value.apply("relay.bind-address"), DEFAULT_BIND_ADDRESS),
                number(value, "relay.port", DEFAULT_PORT),
                number(value, "relay.maximum-file-bytes", DEFAULT_MAXIMUM_FILE_BYTES),
                number(value, "relay.journal.queue-capacity", DEFAULT_JOURNAL_QUEUE_CAPACITY),
                number(value, "relay.journal.maximum-batch", DEFAULT_JOURNAL_MAXIMUM_BATCH),
                number(value, "relay.handler-threads", DEFAULT_HANDLER_THREADS),
                number(value, "relay.landing.flush-interval-millis", DEFAULT_LANDING_FLUSH_INTERVAL_MILLIS),
                number(value, "relay.landing.flush-rows", DEFAULT_LANDING_FLUSH_ROWS),
                number(value, "relay.office-uploads-per-second", DEFAULT_OFFICE_UPLOADS_PER_SECOND),
                number(value, "relay.office-upload-burst", DEFAULT_OFFICE_UPLOAD_BURST),
                number(value, "relay.journal.segment-bytes", DEFAULT_JOURNAL_SEGMENT_BYTES),
                number(value, "relay.retention-days", DEFAULT_RETENTION_DAYS),
                number(value, "relay.office-uploads-in-flight", DEFAULT_OFFICE_UPLOADS_IN_FLIGHT),
                number(value, "relay.office-bytes-per-day", DEFAULT_OFFICE_BYTES_PER_DAY),
                number(value, "relay.upload-memory-bytes", DEFAULT_UPLOAD_MEMORY_BYTES),
                cardCheck(value, relayHome));
    }

    private static CardCheckConfig cardCheck(Function<String, String> value, Path relayHome) {
        CardCheckConfig defaults = CardCheckConfig.defaults(relayHome);
        return new CardCheckConfig(
                path(value.apply("relay.card-check.issuers"), defaults.issuersFolder()),
                path(value.apply("relay.card-check.eligibility"), defaults.eligibilityFolder()),
                Duration.ofSeconds(number(value, "relay.card-check.challenge-validity-seconds",
                        defaults.challengeValidity().toSeconds())),
                number(value, "relay.card-check.challenge-capacity", defaults.challengeCapacity()),
                number(value, "relay.card-check.registry-attempts", defaults.registryAttempts()),
                Duration.ofMillis(number(value, "relay.card-check.registry-back-off-millis",
                        defaults.registryBackOff().toMillis())));
    }

    public RelayConfig withPort(int newPort) {
        return new RelayConfig(home, landingRoot, secretsFolder, registryRoster, bindAddress, newPort, maximumFileBytes,
                journalQueueCapacity, journalMaximumBatch, handlerThreads, landingFlushIntervalMillis, landingFlushRows,
                officeUploadsPerSecond, officeUploadBurst, journalSegmentBytes, retentionDays, officeUploadsInFlight,
                officeBytesPerDay, uploadMemoryBytes, cardCheck);
    }

    private static Path path(String configured, Path fallback) {
        return configured == null || configured.isBlank() ? fallback : Path.of(configured);
    }

    private static String text(String configured, String fallback) {
        return configured == null || configured.isBlank() ? fallback : configured.strip();
    }

    private static int number(Function<String, String> value, String key, int fallback) {
        long configured = number(value, key, (long) fallback);
        if (configured < 0 || configured > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("relay setting " + key + " must be between 0 and " + Integer.MAX_VALUE
                    + ", was " + configured);
        }
        return (int) configured;
    }

    private static long number(Function<String, String> value, String key, long fallback) {
        String configured = value.apply(key);
        if (configured == null || configured.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(configured.strip().replace("_", ""));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("relay setting " + key + " must be a whole number, was '" + configured + "'");
        }
    }
}
