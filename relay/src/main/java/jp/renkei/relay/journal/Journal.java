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
    private final RecordPositions positions;
    private final BlockingQueue<Pending> queue;
    private final int maximumBatch;
    private final AtomicLong nextSequence;
    private final Thread writer;
    private final BiConsumer<JournalEntry, Object> onDurable;
    private final AtomicLong forces = new AtomicLong();
    private final AtomicLong forceNanos = new AtomicLong();
    private final AtomicLong slowestForceNanos = new AtomicLong();
    private volatile boolean closing;
    private volatile String refusal;

    private Journal(FileChannel channel, RecordPositions positions, long lastSequence, int queueCapacity, int maximumBatch,
            BiConsumer<JournalEntry, Object> onDurable) {
        this.channel = channel;
        this.positions = positions;
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
        RecordPositions positions = new RecordPositions();
        JournalScan scan;
        try {
            scan = JournalScan.scan(channel, recovered, positions);
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
        Journal journal = new Journal(channel, positions, scan.lastSequence(), queueCapacity, maximumBatch, onDurable);
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

    /**
     * Reads back a durable record, e.g. to serve an inbox download from the journal instead of from a copy of the
     * file that would cost a second fsync per file. Positional reads do not disturb the writer.
     */
    public JournalEntry read(long sequence) throws IOException {
        long position = positions.positionOf(sequence);
        if (position < 0 || sequence > lastSequence()) {
            throw new IOException("the journal holds no record " + sequence);
        }
        ByteBuffer header = ByteBuffer.allocate(JournalCodec.HEADER_BYTES);
        readFully(header, position);
        header.flip();
        int magic = header.getInt();
        int length = header.getInt();
        int checksum = header.getInt();
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(payload, position + JournalCodec.HEADER_BYTES);
        if (!JournalCodec.checksumMatches(payload.array(), checksum)) {
            throw new IOException("journal record " + sequence + " at byte " + position + " fails its checksum");
        }
        JournalEntry entry = JournalCodec.decode(magic, payload.array());
        if (entry.sequence() != sequence) {
            throw new IOException("journal record at byte " + position + " is " + entry.sequence() + ", not " + sequence);
        }
        return entry;
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("the journal ended while reading at byte " + at);
            }
            at += read;
        }
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

    /** Time spent in the journal's fsyncs since it opened, in nanoseconds. */
    public long forceNanos() {
        return forceNanos.get();
    }

    /** The slowest single fsync since it opened, in nanoseconds. */
    public long slowestForceNanos() {
        return slowestForceNanos.get();
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
                positions.record(entry.sequence(), channel.position());
                while (record.hasRemaining()) {
                    channel.write(record);
                }
                written.add(entry);
            }
            forcing = true;
            long forceStarted = System.nanoTime();
            channel.force(false);
            long forceTook = System.nanoTime() - forceStarted;
            forces.incrementAndGet();
            forceNanos.addAndGet(forceTook);
            slowestForceNanos.accumulateAndGet(forceTook, Math::max);
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
