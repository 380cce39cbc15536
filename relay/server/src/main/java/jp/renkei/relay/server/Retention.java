package jp.renkei.relay.server;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jp.renkei.relay.journal.Journal;
import jp.renkei.relay.receipt.MessageLedger;
import jp.renkei.relay.routing.ExchangeLanding;
import jp.renkei.relay.routing.HeldFiles;

/**
 * Deletes delivered files after the retention period: a journal segment goes once its newest file arrived more than
 * {@code retention} ago and all its records have landed (the landing checkpoint is past them, so nothing would need
 * replaying). The ledger forgets those messages first, so a download of one answers 404 rather than fail half-way.
 * Held files older than the same period are deleted in the same pass.
 */
final class Retention implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Retention.class.getName());
    private static final Duration CHECK_EVERY = Duration.ofMinutes(10);

    private final Journal<?> journal;
    private final MessageLedger ledger;
    private final HeldFiles heldFiles;
    private final Path landingCheckpoint;
    private final Duration retention;
    private final Clock clock;
    private final AtomicLong completedPasses = new AtomicLong();
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "relay-retention");
        thread.setDaemon(true);
        return thread;
    });

    Retention(Journal<?> journal, MessageLedger ledger, HeldFiles heldFiles, Path landingCheckpoint, Duration retention,
            Clock clock) {
        this.journal = journal;
        this.ledger = ledger;
        this.heldFiles = heldFiles;
        this.landingCheckpoint = landingCheckpoint;
        this.retention = retention;
        this.clock = clock;
    }

    void start() {
        schedule.scheduleWithFixedDelay(this::runOnceLogged, 0, CHECK_EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    /** One pass; returns the segments deleted. */
    List<Journal.SegmentSummary> runOnce() throws IOException {
        long landedUpTo = ExchangeLanding.readCheckpoint(landingCheckpoint);
        long expiredBefore = clock.millis() - retention.toMillis();
        List<Journal.SegmentSummary> deleted = journal.deleteOldSegments(
                segment -> segment.lastSequence() <= landedUpTo && segment.newestReceivedAtMillis() < expiredBefore,
                ledger::forgetUpTo);
        for (Journal.SegmentSummary segment : deleted) {
            LOG.log(System.Logger.Level.INFO, "retention: deleted journal segment {0} (records {1} to {2}, the newest"
                    + " received {3}) after {4} days", segment.path().getFileName(), Long.toString(segment.firstSequence()),
                    Long.toString(segment.lastSequence()), java.time.Instant.ofEpochMilli(segment.newestReceivedAtMillis()),
                    Long.toString(retention.toDays()));
        }
        // Held files (for addressees the relay does not know) go after the same period: they hold personal data, and
        // an operator who has not released them by then will not.
        List<String> purged = heldFiles.purgeHeldBefore(java.time.Instant.ofEpochMilli(expiredBefore));
        if (!purged.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "retention: deleted {0} held file(s) held more than {1} days",
                    Integer.toString(purged.size()), Long.toString(retention.toDays()));
        }
        completedPasses.incrementAndGet();
        return deleted;
    }

    /** Passes that ran to the end since the relay started; the first one runs at start-up. */
    long completedPasses() {
        return completedPasses.get();
    }

    private void runOnceLogged() {
        try {
            runOnce();
        } catch (IOException | RuntimeException failure) {
            LOG.log(System.Logger.Level.ERROR, "retention pass failed; delivered files stay until the next one", failure);
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
    }
}
