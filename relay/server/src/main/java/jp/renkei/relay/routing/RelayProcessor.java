package jp.renkei.relay.routing;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jp.renkei.ingest.landing.ExchangeStatus;
import jp.renkei.ingest.standard.StandardFile;
import jp.renkei.ingest.standard.StandardFileReader;
import jp.renkei.relay.journal.JournalEntry;
import jp.renkei.relay.receipt.MessageLedger;

/**
 * Routes and lands durable files in journal order on one thread. Live uploads hand over the file they already
 * parsed; replayed ones are parsed again. Landing is flushed every {@code flushInterval} and on close.
 */
public final class RelayProcessor implements Closeable {
    private static final System.Logger LOG = System.getLogger(RelayProcessor.class.getName());

    private record Work(JournalEntry entry, StandardFile parsed) {
    }

    private final BlockingQueue<Work> queue = new LinkedBlockingQueue<>();
    private final OfficeRegistry registry;
    private final HeldFiles heldFiles;
    private final ExchangeLanding landing;
    private final MessageLedger ledger;
    private final Clock clock;
    private final long flushIntervalMillis;
    private final int flushRows;
    private final Thread thread;
    private final AtomicLong processedSequence = new AtomicLong();
    private volatile boolean closing;
    private volatile Throwable failure;
    private volatile java.util.function.Consumer<Throwable> onFailure = ignored -> { };

    public RelayProcessor(OfficeRegistry registry, HeldFiles heldFiles, ExchangeLanding landing, MessageLedger ledger,
            Clock clock, long flushIntervalMillis, int flushRows) {
        this.registry = registry;
        this.heldFiles = heldFiles;
        this.landing = landing;
        this.ledger = ledger;
        this.clock = clock;
        this.flushIntervalMillis = flushIntervalMillis;
        this.flushRows = flushRows;
        this.thread = new Thread(this::run, "relay-processor");
    }

    public void start() {
        thread.start();
    }

    /** Queues a durable entry; {@code parsed} may be null (then it is parsed here). */
    public void submit(JournalEntry entry, StandardFile parsed) {
        queue.add(new Work(entry, parsed));
    }

    public long processedSequence() {
        return processedSequence.get();
    }

    public int backlog() {
        return queue.size();
    }

    private void run() {
        long lastFlush = clock.millis();
        try {
            while (!closing || !queue.isEmpty()) {
                Work work = queue.poll(200, TimeUnit.MILLISECONDS);
                if (work != null) {
                    process(work);
                }
                if (landing.bufferedRows() >= flushRows || clock.millis() - lastFlush >= flushIntervalMillis) {
                    flush();
                    lastFlush = clock.millis();
                }
            }
            flush();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException | Error fatal) {
            // Stop processing rather than skip a file: the journal still holds it and a restart replays it. An Error
            // (an OutOfMemoryError) stops it too, and the relay stops the process rather than run on without it.
            failure = fatal;
            onFailure.accept(fatal);
            LOG.log(System.Logger.Level.ERROR, "relay processor stopped; restart the relay to replay from the journal", fatal);
        }
    }

    private void process(Work work) throws IOException {
        JournalEntry entry = work.entry();
        StandardFile file = work.parsed() != null ? work.parsed()
                : new StandardFileReader().read(entry.fileName(), entry.content());
        String recipient = file.name().orElseThrow(() -> new IllegalStateException(
                "journal record " + entry.sequence() + " holds an invalid file name " + entry.fileName())).recipientOffice();
        ExchangeStatus status;
        if (registry.isRegistered(recipient)) {
            // The ledger's routed event below puts the file in the addressee's inbox; its bytes stay in the journal.
            status = ExchangeStatus.DELIVERED;
        } else {
            heldFiles.hold(entry, Instant.now(clock));
            status = ExchangeStatus.HELD;
            LOG.log(System.Logger.Level.WARNING, "message {0}: addressee {1} is not registered; held for an operator",
                    entry.messageId(), recipient);
        }
        Instant routedAt = Instant.now(clock);
        ledger.routed(entry.messageId(), recipient, status, routedAt);
        landing.add(entry, file, entry.sha256(), routedAt, status);
        processedSequence.set(entry.sequence());
    }

    /**
     * Held files and delivery events (which make up the inboxes) are made durable before the landing checkpoint moves
     * past them; anything later is replayed from the journal after a crash.
     */
    private void flush() throws IOException {
        heldFiles.forceFolder();
        ledger.force();
        landing.flush();
    }

    /** Called once if processing stops on an error, e.g. to stop acknowledging uploads that would pile up unprocessed. */
    public void onFailure(java.util.function.Consumer<Throwable> action) {
        this.onFailure = action;
    }

    /** Non-null when processing stopped on an error (health reports it). */
    public Throwable failure() {
        return failure;
    }

    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
