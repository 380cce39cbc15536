package jp.renkei.relay.cardcheck;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import jp.renkei.ingest.landing.LandingDataset;
import jp.renkei.ingest.landing.LandingWriter;
import jp.renkei.ingest.pseudonym.PersonPseudonymizer;

/**
 * Buffers one {@code card_checks} row per check and lands them as a part every {@code flushIntervalMillis}, when
 * {@code flushRows} are waiting, and on {@link #close}. The 被保険者番号 is turned into its {@code person_key} here,
 * before the row is even buffered. Rows live only in memory until they land: a crash loses at most one interval.
 */
public final class CardCheckLanding implements Closeable {
    private static final System.Logger LOG = System.getLogger(CardCheckLanding.class.getName());

    /** One check, as the handler saw it; {@code insuredPersonNumber} is null when no person was resolved. */
    record Check(String checkId, String office, String insurer, String insuredPersonNumber, String method,
            String result, String failureReason, long latencyMillis, Instant checkedAt) {
    }

    private final LandingWriter writer;
    private final PersonPseudonymizer pseudonymizer;
    private final int flushRows;
    private final ScheduledExecutorService flusher;
    private final Object lock = new Object();
    private List<List<Object>> buffered = new ArrayList<>();
    private boolean closed;

    public CardCheckLanding(LandingWriter writer, PersonPseudonymizer pseudonymizer, long flushIntervalMillis,
            int flushRows) {
        this.writer = writer;
        this.pseudonymizer = pseudonymizer;
        this.flushRows = Math.max(1, flushRows);
        this.flusher = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "card-check-landing");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, flushIntervalMillis);
        flusher.scheduleWithFixedDelay(this::flushQuietly, interval, interval, TimeUnit.MILLISECONDS);
    }

    void add(Check check) {
        String personKey = check.insuredPersonNumber() == null ? null : pseudonymizer.personKey(check.insuredPersonNumber());
        List<Object> row = Arrays.asList(check.checkId(), check.office(), check.insurer(), personKey, check.method(),
                check.result(), check.failureReason(), check.latencyMillis(),
                check.checkedAt().truncatedTo(ChronoUnit.MILLIS));
        boolean full;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("card-check landing is closed");
            }
            buffered.add(row);
            full = buffered.size() >= flushRows;
        }
        if (full) {
            try {
                flusher.execute(this::flushQuietly);
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                // close() is under way and lands this row itself
            }
        }
    }

    public int bufferedRows() {
        synchronized (lock) {
            return buffered.size();
        }
    }

    /** Lands what is buffered as one part; on failure the rows stay buffered for the next attempt. */
    public void flush() throws IOException {
        List<List<Object>> rows;
        synchronized (lock) {
            if (buffered.isEmpty()) {
                return;
            }
            rows = buffered;
            buffered = new ArrayList<>();
        }
        try {
            writer.writePart(LandingDataset.CARD_CHECKS, rows);
        } catch (IOException | RuntimeException failure) {
            synchronized (lock) {
                rows.addAll(buffered);
                buffered = rows;
            }
            throw failure;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (IOException | RuntimeException failure) {
            LOG.log(System.Logger.Level.ERROR, "card checks could not land; they stay buffered and are retried", failure);
        }
    }

    /** Stops the periodic flush and lands every buffered row; a row added after this is refused. */
    @Override
    public void close() throws IOException {
        synchronized (lock) {
            closed = true;
        }
        flusher.shutdown();
        try {
            flusher.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        flush();
    }
}
