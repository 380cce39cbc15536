package jp.renkei.relay.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The append-only journal with group commit: uploads enqueue their record and wait; one writer thread writes every
 * waiting record, forces the file once, and then completes them all. A full queue refuses at once (back-pressure)
 * rather than letting uploads pile up in memory.
 */
public final class Journal implements Closeable {
    private static final System.Logger LOG = System.getLogger(Journal.class.getName());

    private record Pending(JournalEntry entry, Object attachment, CompletableFuture<JournalEntry> done) {
    }

    private final FileChannel channel;
    private final BlockingQueue<Pending> queue;
    private final int maximumBatch;
    private final AtomicLong nextSequence;
    private final Thread writer;
    private final BiConsumer<JournalEntry, Object> onDurable;
    private final AtomicLong forces = new AtomicLong();
    private volatile boolean closing;
    private volatile String refusal;

    private Journal(FileChannel channel, long lastSequence, int queueCapacity, int maximumBatch,
            BiConsumer<JournalEntry, Object> onDurable) {
        this.channel = channel;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maximumBatch = maximumBatch;
        this.nextSequence = new AtomicLong(lastSequence + 1);
        this.onDurable = onDurable;
        this.writer = new Thread(this::writeLoop, "journal-writer");
        this.writer.setDaemon(true);
    }

    /**
     * Opens (or creates) the journal, truncating a torn tail, and hands every intact record to {@code recovered}
     * in order before accepting appends. {@code onDurable} sees each new record after its fsync, in order, with the
     * attachment its caller passed to {@link #append}.
     */
    public static Journal open(Path file, int queueCapacity, int maximumBatch, Consumer<JournalEntry> recovered,
            BiConsumer<JournalEntry, Object> onDurable) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        JournalScan scan;
        try {
            scan = JournalScan.scan(channel, recovered);
        } catch (IOException unreadable) {
            channel.close();
            throw new IOException(unreadable.getMessage() + " (journal " + file + ")", unreadable);
        } catch (RuntimeException | Error failure) {
            channel.close();
            throw failure;
        }
        if (scan.goodLength() < channel.size()) {
            LOG.log(System.Logger.Level.WARNING, "journal {0}: dropping a torn tail of {1} bytes after record {2}",
                    file, channel.size() - scan.goodLength(), scan.lastSequence());
            channel.truncate(scan.goodLength());
            channel.force(true);
        }
        channel.position(scan.goodLength());
        Journal journal = new Journal(channel, scan.lastSequence(), queueCapacity, maximumBatch, onDurable);
        journal.writer.start();
        return journal;
    }

    /**
     * Queues the record; the future completes (with its sequence) once it is on disk, or fails.
     *
     * @param attachment handed to {@code onDurable} with the record (e.g. the already parsed file), may be null
     * @throws JournalFullException when the queue is full; the caller answers 503 with Retry-After
     * @throws IllegalArgumentException when the entry cannot be stored as a record that reads back (e.g. larger than a
     *     record holds); refused here so that it never fails the batch it would have shared with other uploads
     */
    public CompletableFuture<JournalEntry> append(JournalEntry entry, Object attachment) throws JournalFullException {
        JournalCodec.payloadBytes(entry);
        if (closing) {
            throw new JournalFullException("the relay is shutting down");
        }
        if (refusal != null) {
            throw new JournalFullException(refusal);
        }
        CompletableFuture<JournalEntry> done = new CompletableFuture<>();
        if (!queue.offer(new Pending(entry, attachment, done))) {
            throw new JournalFullException("the journal queue is full (" + queue.size() + " waiting)");
        }
        return done;
    }

    public long lastSequence() {
        return nextSequence.get() - 1;
    }

    public int queueDepth() {
        return queue.size();
    }

    public long forceCount() {
        return forces.get();
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(maximumBatch);
        while (!closing || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maximumBatch - 1);
                writeBatch(batch);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void writeBatch(List<Pending> batch) {
        List<JournalEntry> written = new ArrayList<>(batch.size());
        long firstSequence = nextSequence.get();
        long batchStart;
        try {
            batchStart = channel.position();
        } catch (IOException unknownPosition) {
            refuseFromNowOn("the journal's position is unknown: " + unknownPosition);
            batch.forEach(pending -> pending.done().completeExceptionally(unknownPosition));
            return;
        }
        boolean forcing = false;
        try {
            for (Pending pending : batch) {
                JournalEntry entry = pending.entry().withSequence(nextSequence.getAndIncrement());
                ByteBuffer record = JournalCodec.encode(entry);
                while (record.hasRemaining()) {
                    channel.write(record);
                }
                written.add(entry);
            }
            forcing = true;
            channel.force(false);
            forces.incrementAndGet();
        } catch (IOException | RuntimeException failure) {
            LOG.log(System.Logger.Level.ERROR, "journal write failed; {0} upload(s) refused: {1}", batch.size(),
                    failure.toString());
            rollBack(batchStart, firstSequence);
            if (forcing) {
                // After a failed fsync the page cache cannot be trusted to match the disk (fsyncgate): stop accepting.
                refuseFromNowOn("an fsync of the journal failed (" + failure + "); restart the relay");
            }
            batch.forEach(pending -> pending.done().completeExceptionally(failure));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            try {
                onDurable.accept(written.get(i), batch.get(i).attachment());
            } catch (RuntimeException processingFailure) {
                // The record is durable and a restart replays it; the upload is still acknowledged.
                LOG.log(System.Logger.Level.ERROR, "journal record {0} is stored but could not be handed on: {1}",
                        written.get(i).sequence(), processingFailure.toString());
            }
            batch.get(i).done().complete(written.get(i));
        }
    }

    /**
     * After a failed batch, cut the file back to where the batch began, so no record the uploader was told is not
     * stored survives to be recovered, and hand the batch's sequence numbers out again.
     */
    private void rollBack(long batchStart, long firstSequence) {
        try {
            channel.truncate(batchStart);
            channel.position(batchStart);
            nextSequence.set(firstSequence);
        } catch (IOException rollBackFailure) {
            refuseFromNowOn("the journal could not be cut back after a failed write (" + rollBackFailure + "); restart the relay");
        }
    }

    /** Makes every later append fail with {@code reason} (the uploader sees 503 and retries elsewhere or later). */
    public void refuseFromNowOn(String reason) {
        if (refusal == null) {
            refusal = reason;
            LOG.log(System.Logger.Level.ERROR, "journal refuses uploads from now on: {0}", reason);
        }
    }

    @Override
    public void close() throws IOException {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }
}
