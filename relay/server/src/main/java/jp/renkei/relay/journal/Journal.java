package jp.renkei.relay.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
    /** A full batch of 64 ten-kilobyte files fits; a larger record is written on its own. */
    private static final int BATCH_BUFFER_BYTES = 1 << 20;
    /** Large enough that a segment holds a day of a busy relay, small enough that retention frees space steadily. */
    public static final long DEFAULT_SEGMENT_BYTES = 256L * 1024 * 1024;

    private record Pending(JournalEntry entry, Object attachment, CompletableFuture<JournalEntry> done) {
    }

    /** Older segments are only read; new records go to {@link #current}. Keyed by first sequence. */
    private final ConcurrentSkipListMap<Long, JournalSegment> segments;
    private final Path journalFile;
    private final long segmentBytes;
    private volatile JournalSegment current;
    private final RecordPositions positions;
    /** Null for a plain journal (tests of the record format); the relay always seals. */
    private final JournalSealing sealing;
    private final BlockingQueue<Pending> queue;
    private final int maximumBatch;
    private final AtomicLong nextSequence;
    private final Thread writer;
    private final ExecutorService acknowledger;
    private final BiConsumer<JournalEntry, Object> onDurable;
    /** Only the writer thread uses it; direct, so the channel writes it without another copy. */
    private final ByteBuffer batchBuffer = ByteBuffer.allocateDirect(BATCH_BUFFER_BYTES);
    private final AtomicLong forces = new AtomicLong();
    private final AtomicLong forceNanos = new AtomicLong();
    private final AtomicLong slowestForceNanos = new AtomicLong();
    private volatile boolean closing;
    private volatile String refusal;
    private final List<DamagedRecord> damaged;
    private volatile Throwable writerFailure;
    private volatile Consumer<Throwable> onWriterFailure = failure -> { };

    private Journal(Path journalFile, ConcurrentSkipListMap<Long, JournalSegment> segments, long segmentBytes,
            JournalSealing sealing, RecordPositions positions, long lastSequence, int queueCapacity, int maximumBatch,
            BiConsumer<JournalEntry, Object> onDurable, List<DamagedRecord> damaged) {
        this.journalFile = journalFile;
        this.damaged = List.copyOf(damaged);
        this.segments = segments;
        this.segmentBytes = segmentBytes;
        this.sealing = sealing;
        this.current = segments.lastEntry().getValue();
        this.positions = positions;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maximumBatch = maximumBatch;
        this.nextSequence = new AtomicLong(lastSequence + 1);
        this.onDurable = onDurable;
        this.writer = new Thread(this::writeLoop, "journal-writer");
        this.writer.setDaemon(true);
        this.acknowledger = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "journal-acknowledger");
            thread.setDaemon(true);
            return thread;
        });
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
    public static Journal open(Path file, int queueCapacity, int maximumBatch, Consumer<JournalEntry> recovered,
            BiConsumer<JournalEntry, Object> onDurable) throws IOException {
        return open(file, DEFAULT_SEGMENT_BYTES, queueCapacity, maximumBatch, recovered, onDurable);
    }

    /** The same, starting a new segment file once the current one has grown past {@code segmentBytes}. */
    public static Journal open(Path file, long segmentBytes, int queueCapacity, int maximumBatch,
            Consumer<JournalEntry> recovered, BiConsumer<JournalEntry, Object> onDurable) throws IOException {
        return open(file, segmentBytes, null, queueCapacity, maximumBatch, recovered, onDurable);
    }

    /**
     * The same, writing every new record sealed (encrypted) with {@code sealing}; records written before, plain or
     * sealed with the same key, are read as they are.
     */
    public static Journal open(Path file, long segmentBytes, JournalSealing sealing, int queueCapacity,
            int maximumBatch, Consumer<JournalEntry> recovered, BiConsumer<JournalEntry, Object> onDurable)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<JournalSegment.SegmentFile> found = JournalSegment.existing(file);
        if (found.isEmpty()) {
            found = List.of(new JournalSegment.SegmentFile(file, 1));
        }
        ConcurrentSkipListMap<Long, JournalSegment> segments = new ConcurrentSkipListMap<>();
        RecordPositions positions = new RecordPositions();
        List<DamagedRecord> damaged = new ArrayList<>();
        long lastSequence = 0;
        try {
            for (int index = 0; index < found.size(); index++) {
                JournalSegment.SegmentFile segmentFile = found.get(index);
                JournalSegment segment = JournalSegment.open(segmentFile.path(), segmentFile.firstSequence());
                segments.put(segment.firstSequence, segment);
                boolean last = index == found.size() - 1;
                lastSequence = recover(segment, last, lastSequence, recovered, positions, sealing, damaged);
            }
        } catch (IOException | RuntimeException | Error failure) {
            for (JournalSegment segment : segments.values()) {
                segment.channel.close();
            }
            throw failure;
        }
        Journal journal = new Journal(file, segments, segmentBytes, sealing, positions, lastSequence, queueCapacity, maximumBatch,
                onDurable, damaged);
        journal.writer.start();
        return journal;
    }

    /**
     * Scans one segment. Only the last may end in a torn record (it is cut), since a segment is forced before the next
     * one is begun; bad bytes with intact records after them, or at the end of an older segment, were acknowledged and
     * then damaged: they are copied aside ({@link #damagedRecords()}) and left in place, and every record after them
     * is kept. Returns the last sequence so far.
     */
    private static long recover(JournalSegment segment, boolean last, long lastSequenceBefore,
            Consumer<JournalEntry> recovered, RecordPositions positions, JournalSealing sealing,
            List<DamagedRecord> damaged) throws IOException {
        FileChannel channel = segment.channel;
        JournalScan scan;
        try {
            scan = JournalScan.scan(channel, entry -> {
                segment.recorded(entry);
                recovered.accept(entry);
            }, positions, sealing);
        } catch (IOException unreadable) {
            throw new IOException(unreadable.getMessage() + " (journal " + segment.path + ")", unreadable);
        }
        List<JournalScan.DamagedRegion> regions = new ArrayList<>(scan.damaged());
        if (scan.goodLength() < channel.size()) {
            if (last) {
                LOG.log(System.Logger.Level.WARNING, "journal {0}: dropping a torn tail of {1} bytes after record {2}",
                        segment.path, channel.size() - scan.goodLength(), scan.lastSequence());
                channel.truncate(scan.goodLength());
                channel.force(true);
            } else {
                regions.add(new JournalScan.DamagedRegion(scan.goodLength(), channel.size() - scan.goodLength(),
                        scan.lastSequence()));
            }
        }
        for (JournalScan.DamagedRegion region : regions) {
            damaged.add(DamagedRecord.setAside(segment, region));
        }
        channel.position(last ? scan.goodLength() : channel.size());
        boolean damagedAtStart = regions.stream().anyMatch(region -> region.position() == 0);
        if (!segment.isEmpty() && segment.firstSequence > 1 && !damagedAtStart
                && firstRecordDoesNotMatch(segment, positions)) {
            throw new IOException("RELAY-JOURNAL-004 journal segment " + segment.path + " does not begin with record "
                    + segment.firstSequence + " as its name says; it was left as it is: keep a copy and report it");
        }
        return Math.max(lastSequenceBefore, segment.isEmpty() ? segment.firstSequence - 1 : segment.lastSequence);
    }

    /**
     * Bytes of the journal that were acknowledged and can no longer be read, found when it opened; the file they held
     * is lost to the relay (its sender holds it and its receipt), and an operator must hear of it. {@code copy} holds
     * the bytes as they were found ({@code journal/damaged/}, owner-only); the journal itself is left as it is.
     */
    public record DamagedRecord(Path segment, long position, long length, long afterSequence, Path copy) {
        private static final java.util.regex.Pattern COPY_NAME =
                java.util.regex.Pattern.compile("(.+)\\.at-([0-9]+)\\.after-([0-9]+)\\.bin");

        /** The folder of the copies, beside the journal's segments. */
        public static Path folder(Path journalFile) {
            return journalFile.toAbsolutePath().getParent().resolve("damaged");
        }

        /** The damaged records set aside so far beside {@code journalFile}, oldest position first (for operators). */
        public static List<DamagedRecord> setAside(Path journalFile) throws IOException {
            Path folder = folder(journalFile);
            if (!Files.isDirectory(folder)) {
                return List.of();
            }
            List<DamagedRecord> found = new ArrayList<>();
            try (java.util.stream.Stream<Path> copies = Files.list(folder)) {
                for (Path copy : copies.sorted().toList()) {
                    java.util.regex.Matcher name = COPY_NAME.matcher(copy.getFileName().toString());
                    if (name.matches()) {
                        found.add(new DamagedRecord(journalFile.resolveSibling(name.group(1)),
                                Long.parseLong(name.group(2)), Files.size(copy), Long.parseLong(name.group(3)), copy));
                    }
                }
            }
            found.sort(java.util.Comparator.comparing(DamagedRecord::segment)
                    .thenComparingLong(DamagedRecord::position));
            return found;
        }

        static DamagedRecord setAside(JournalSegment segment, JournalScan.DamagedRegion region) throws IOException {
            Path copy = folder(segment.path).resolve(segment.path.getFileName() + ".at-" + region.position() + ".after-"
                    + region.afterSequence() + ".bin");
            if (!Files.exists(copy) || Files.size(copy) != region.length()) {
                jp.renkei.ingest.io.DurableFiles.copySecret(segment.channel, region.position(), region.length(), copy);
            }
            LOG.log(System.Logger.Level.ERROR, "RELAY-JOURNAL-006 journal {0}: {1} damaged bytes at byte {2}, after"
                    + " record {3}, were acknowledged and cannot be read; the records after them are kept, the bytes"
                    + " are copied to {4} (list them with: renkei relay journal damaged --home …)", segment.path,
                    region.length(), region.position(), region.afterSequence(), copy);
            return new DamagedRecord(segment.path, region.position(), region.length(), region.afterSequence(), copy);
        }
    }

    /** What {@link DamagedRecord} found when the journal opened (empty for a healthy journal). */
    public List<DamagedRecord> damagedRecords() {
        return damaged;
    }

    private static boolean firstRecordDoesNotMatch(JournalSegment segment, RecordPositions positions) {
        return positions.positionOf(segment.firstSequence) != 0;
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
        java.util.Map.Entry<Long, JournalSegment> holding = segments.floorEntry(sequence);
        if (position < 0 || sequence > lastSequence() || holding == null) {
            throw new IOException("the journal holds no record " + sequence);
        }
        FileChannel channel = holding.getValue().channel;
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
                rollIfFull();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (Error fatal) {
                // An OutOfMemoryError (or worse) in the one writer: a silent dead thread would leave every later upload
                // waiting for an fsync that never comes while /health says ok. Fail loudly instead.
                stopWriting(fatal, batch);
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void stopWriting(Error fatal, List<Pending> batch) {
        writerFailure = fatal;
        refuseFromNowOn("the journal writer stopped (" + fatal + "); restart the relay");
        List<Pending> waiting = new ArrayList<>(batch);
        queue.drainTo(waiting);
        waiting.forEach(pending -> pending.done().completeExceptionally(fatal));
        try {
            onWriterFailure.accept(fatal);
        } catch (RuntimeException | Error listenerFailure) {
            fatal.addSuppressed(listenerFailure);
        }
    }

    /** What stopped the writer thread, or null while it runs. */
    public Throwable writerFailure() {
        return writerFailure;
    }

    /** Runs once, on the writer thread, if an {@link Error} stops it (the relay then stops the process). */
    public void onWriterFailure(Consumer<Throwable> action) {
        this.onWriterFailure = action;
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private void writeBatch(List<Pending> batch) {
        FileChannel channel = current.channel;
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
            // The batch goes to the file in as few writes as the buffer allows: a write and a position call per
            // record were two system calls each, which cost more than the copy into one buffer.
            ByteBuffer buffer = batchBuffer;
            buffer.clear();
            long position = batchStart;
            for (Pending pending : batch) {
                JournalEntry entry = pending.entry().withSequence(nextSequence.getAndIncrement());
                ByteBuffer record = sealing == null ? JournalCodec.encode(entry)
                        : sealing.seal(JournalCodec.encode(entry));
                positions.record(entry.sequence(), position);
                position += record.remaining();
                if (record.remaining() > buffer.remaining()) {
                    writeFully(channel, buffer.flip());
                    buffer.clear();
                }
                if (record.remaining() > buffer.capacity()) {
                    writeFully(channel, record);
                } else {
                    buffer.put(record);
                }
                written.add(entry);
            }
            writeFully(channel, buffer.flip());
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
            rollBack(channel, batchStart, firstSequence);
            if (forcing) {
                // After a failed fsync the page cache cannot be trusted to match the disk (fsyncgate): stop accepting.
                refuseFromNowOn("an fsync of the journal failed (" + failure + "); restart the relay");
            }
            batch.forEach(pending -> pending.done().completeExceptionally(failure));
            return;
        }
        written.forEach(current::recorded);
        for (int i = 0; i < batch.size(); i++) {
            try {
                onDurable.accept(written.get(i), batch.get(i).attachment());
            } catch (RuntimeException processingFailure) {
                // The record is durable and a restart replays it; the upload is still acknowledged.
                LOG.log(System.Logger.Level.ERROR, "journal record {0} is stored but could not be handed on: {1}",
                        written.get(i).sequence(), processingFailure.toString());
            }
        }
        // Whatever waits on a record (an upload's 202) runs on the acknowledger, so the writer goes on to the next
        // group commit at once; one hand-over per batch rather than a thread woken per record.
        // The writer reuses the batch list, so the acknowledger gets its own list of what to complete.
        List<CompletableFuture<JournalEntry>> waiting = new ArrayList<>(batch.size());
        batch.forEach(pending -> waiting.add(pending.done()));
        Runnable acknowledge = () -> {
            for (int i = 0; i < waiting.size(); i++) {
                waiting.get(i).complete(written.get(i));
            }
        };
        try {
            acknowledger.execute(acknowledge);
        } catch (RejectedExecutionException closing) {
            // close() gave up waiting for the writer: these records are durable, so answer them here.
            acknowledge.run();
        }
    }

    /**
     * Begins a new segment once the current one is full. The current one was forced with its last batch, so a crash
     * can tear only the newest segment. The new file's name is made durable before any record goes into it.
     */
    private void rollIfFull() {
        try {
            if (current.channel.size() < segmentBytes || refusal != null) {
                return;
            }
            JournalSegment next = JournalSegment.create(journalFile, nextSequence.get());
            try {
                jp.renkei.ingest.io.DurableFiles.forceFolder(journalFile.toAbsolutePath().getParent());
            } catch (IOException notDurable) {
                // A segment file left behind unregistered would be taken for the newest at the next start.
                next.channel.close();
                Files.deleteIfExists(next.path);
                throw notDurable;
            }
            segments.put(next.firstSequence, next);
            current = next;
            LOG.log(System.Logger.Level.INFO, "journal: new segment {0} from record {1}", next.path.getFileName(),
                    Long.toString(next.firstSequence));
        } catch (IOException cannotRoll) {
            // Keep writing to the full segment; segments are a convenience for retention, not for correctness.
            LOG.log(System.Logger.Level.WARNING, "journal: could not begin a new segment ({0}); the current one grows on",
                    cannotRoll.toString());
        }
    }

    /** What retention needs to know of a segment that is no longer written. */
    public record SegmentSummary(Path path, long firstSequence, long lastSequence, long newestReceivedAtMillis) {
    }

    /**
     * Deletes segments no longer written, oldest first, while {@code deletable} accepts them; {@code beforeDelete}
     * runs with each segment's last sequence before its file goes (so the inboxes forget its records first). The
     * newest segment is never deleted, so the next sequence always survives a restart.
     */
    public synchronized List<SegmentSummary> deleteOldSegments(java.util.function.Predicate<SegmentSummary> deletable,
            java.util.function.LongConsumer beforeDelete) throws IOException {
        List<SegmentSummary> deleted = new ArrayList<>();
        for (JournalSegment segment : segments.values()) {
            if (segment == current) {
                break;
            }
            SegmentSummary summary = new SegmentSummary(segment.path, segment.firstSequence, segment.lastSequence,
                    segment.newestReceivedAtMillis);
            if (!deletable.test(summary)) {
                break;
            }
            beforeDelete.accept(segment.lastSequence);
            segments.remove(segment.firstSequence);
            segment.channel.close();
            Files.delete(segment.path);
            deleted.add(summary);
        }
        if (!deleted.isEmpty()) {
            jp.renkei.ingest.io.DurableFiles.forceFolder(journalFile.toAbsolutePath().getParent());
        }
        return deleted;
    }

    /** The segments' files, oldest first (for operators and tests). */
    public List<Path> segmentFiles() {
        return segments.values().stream().map(segment -> segment.path).toList();
    }

    /**
     * After a failed batch, cut the file back to where the batch began, so no record the uploader was told is not
     * stored survives to be recovered, and hand the batch's sequence numbers out again.
     */
    private void rollBack(FileChannel channel, long batchStart, long firstSequence) {
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
            acknowledger.shutdown();
            acknowledger.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        for (JournalSegment segment : segments.values()) {
            segment.channel.close();
        }
    }
}
