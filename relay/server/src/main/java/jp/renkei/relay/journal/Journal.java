package jp.renkei.relay.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.Predicate;

/**
 * The relay's append-only journal: what is acknowledged is in it, forced to disk. Its parts each do one job —
 * {@link JournalRecovery} opens it (torn tail cut, damaged records set aside), {@link GroupCommitWriter} appends with
 * one fsync per batch, {@link JournalSegments} holds the segment files that retention deletes — and this class is what
 * the relay sees of them.
 *
 * @param <A> what an append carries to {@code onDurable} besides its record (the relay: the parsed file, so a small
 *     file is not parsed again)
 */
public final class Journal<A> implements Closeable {
    /** Large enough that a segment holds a day of a busy relay, small enough that retention frees space steadily. */
    public static final long DEFAULT_SEGMENT_BYTES = 256L * 1024 * 1024;

    private final JournalSegments segments;
    private final RecordPositions positions;
    private final JournalSealing sealing;
    private final GroupCommitWriter<A> writer;
    private final List<DamagedRecord> damaged;

    private Journal(JournalRecovery.Recovered recovered, JournalSealing sealing, int queueCapacity, int maximumBatch,
            BiConsumer<JournalEntry, A> onDurable) {
        this.segments = recovered.segments();
        this.positions = recovered.positions();
        this.sealing = sealing;
        this.damaged = recovered.damaged();
        this.writer = new GroupCommitWriter<>(segments, positions, sealing, recovered.lastSequence(), queueCapacity,
                maximumBatch, onDurable);
    }

    /** The journal's first segment file in a relay's folder ({@code <relay home>/journal/journal.log}). */
    public static Path fileIn(Path relayHome) {
        return relayHome.resolve("journal").resolve("journal.log");
    }

    /**
     * Opens (or creates) the journal, truncating a torn tail, and hands every intact record to {@code recovered}
     * in order before accepting appends. {@code onDurable} sees each new record after its fsync, in order, with the
     * attachment its caller passed to {@link #append}.
     */
    public static <A> Journal<A> open(Path file, int queueCapacity, int maximumBatch, Consumer<JournalEntry> recovered,
            BiConsumer<JournalEntry, A> onDurable) throws IOException {
        return open(file, DEFAULT_SEGMENT_BYTES, queueCapacity, maximumBatch, recovered, onDurable);
    }

    /** The same, starting a new segment file once the current one has grown past {@code segmentBytes}. */
    public static <A> Journal<A> open(Path file, long segmentBytes, int queueCapacity, int maximumBatch,
            Consumer<JournalEntry> recovered, BiConsumer<JournalEntry, A> onDurable) throws IOException {
        return open(file, segmentBytes, null, queueCapacity, maximumBatch, recovered, onDurable);
    }

    /**
     * The same, writing every new record sealed (encrypted) with {@code sealing}; records written before, plain or
     * sealed with the same key, are read as they are.
     */
    public static <A> Journal<A> open(Path file, long segmentBytes, JournalSealing sealing, int queueCapacity,
            int maximumBatch, Consumer<JournalEntry> recovered, BiConsumer<JournalEntry, A> onDurable)
            throws IOException {
        JournalRecovery.Recovered found = JournalRecovery.recover(file, segmentBytes, sealing, recovered);
        Journal<A> journal = new Journal<>(found, sealing, queueCapacity, maximumBatch, onDurable);
        journal.writer.start();
        return journal;
    }

    /** What {@link DamagedRecord} found when the journal opened (empty for a healthy journal). */
    public List<DamagedRecord> damagedRecords() {
        return damaged;
    }

    /**
     * Queues the record; the future completes (with its sequence) once it is on disk, or fails.
     *
     * @param attachment handed to {@code onDurable} with the record (e.g. the already parsed file), may be null
     * @throws JournalFullException when the queue is full; the caller answers 503 with Retry-After
     * @throws IllegalArgumentException when the entry cannot be stored as a record that reads back (e.g. larger than a
     *     record holds); refused here so that it never fails the batch it would have shared with other uploads
     */
    public CompletableFuture<JournalEntry> append(JournalEntry entry, A attachment) throws JournalFullException {
        JournalCodec.payloadBytes(entry);
        return writer.append(entry, attachment);
    }

    /**
     * Reads back a durable record, e.g. to serve an inbox download from the journal instead of from a copy of the
     * file that would cost a second fsync per file. Positional reads do not disturb the writer.
     */
    public JournalEntry read(long sequence) throws IOException {
        long position = positions.positionOf(sequence);
        FileChannel channel = segments.holding(sequence);
        if (position < 0 || sequence > lastSequence() || channel == null) {
            throw new IOException("the journal holds no record " + sequence);
        }
        ByteBuffer header = ByteBuffer.allocate(JournalCodec.HEADER_BYTES);
        JournalScan.readFully(channel, header, position);
        header.flip();
        int magic = header.getInt();
        int length = header.getInt();
        int checksum = header.getInt();
        ByteBuffer payload = ByteBuffer.allocate(length);
        JournalScan.readFully(channel, payload, position + JournalCodec.HEADER_BYTES);
        if (!JournalCodec.checksumMatches(payload.array(), checksum)) {
            throw new IOException("journal record " + sequence + " at byte " + position + " fails its checksum");
        }
        JournalEntry entry = JournalCodec.decode(magic, payload.array(), sealing);
        if (entry.sequence() != sequence) {
            throw new IOException("journal record at byte " + position + " is " + entry.sequence() + ", not " + sequence);
        }
        return entry;
    }

    public long lastSequence() {
        return writer.lastSequence();
    }

    public int queueDepth() {
        return writer.queueDepth();
    }

    public long forceCount() {
        return writer.forceCount();
    }

    /** Time spent in the journal's fsyncs since it opened, in nanoseconds. */
    public long forceNanos() {
        return writer.forceNanos();
    }

    /** The slowest single fsync since it opened, in nanoseconds. */
    public long slowestForceNanos() {
        return writer.slowestForceNanos();
    }

    /** What stopped the writer thread, or null while it runs. */
    public Throwable writerFailure() {
        return writer.writerFailure();
    }

    /** Runs once, on the writer thread, if an {@link Error} stops it (the relay then stops the process). */
    public void onWriterFailure(Consumer<Throwable> action) {
        writer.onWriterFailure(action);
    }

    /** Makes every later append fail with {@code reason} (the uploader sees 503 and retries elsewhere or later). */
    public void refuseFromNowOn(String reason) {
        writer.refuseFromNowOn(reason);
    }

    /** What retention needs to know of a segment that is no longer written. */
    public record SegmentSummary(Path path, long firstSequence, long lastSequence, long newestReceivedAtMillis) {
    }

    /**
     * Deletes segments no longer written, oldest first, while {@code deletable} accepts them; {@code beforeDelete}
     * runs with each segment's last sequence before its file goes (so the inboxes forget its records first). The
     * newest segment is never deleted, so the next sequence always survives a restart.
     */
    public List<SegmentSummary> deleteOldSegments(Predicate<SegmentSummary> deletable, LongConsumer beforeDelete)
            throws IOException {
        return segments.deleteOld(deletable, beforeDelete);
    }

    /** The segments' files, oldest first (for operators and tests). */
    public List<Path> segmentFiles() {
        return segments.files();
    }

    @Override
    public void close() throws IOException {
        writer.close();
        segments.close();
    }
}
