package jp.renkei.relay.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The journal's group commit: appends wait in a bounded queue; one writer thread writes every waiting record, forces
 * the file once, hands each record and its attachment to {@code onDurable} in order, and then completes them all on
 * an acknowledger thread. A full queue refuses at once (back-pressure) rather than letting uploads pile up in memory.
 *
 * @param <A> what an append carries to {@code onDurable} besides its record (the relay: the parsed file)
 */
final class GroupCommitWriter<A> {
    private static final System.Logger LOG = System.getLogger(Journal.class.getName());
    /** A full batch of 64 ten-kilobyte files fits; a larger record is written on its own. */
    private static final int BATCH_BUFFER_BYTES = 1 << 20;

    private record Pending<A>(JournalEntry entry, A attachment, CompletableFuture<JournalEntry> done) {
    }

    private final JournalSegments segments;
    private final RecordPositions positions;
    /** Null for a plain journal (tests of the record format); the relay always seals. */
    private final JournalSealing sealing;
    private final BlockingQueue<Pending<A>> queue;
    private final int maximumBatch;
    private final AtomicLong nextSequence;
    private final Thread writer;
    private final ExecutorService acknowledger;
    private final BiConsumer<JournalEntry, A> onDurable;
    /** Only the writer thread uses it; direct, so the channel writes it without another copy. */
    private final ByteBuffer batchBuffer = ByteBuffer.allocateDirect(BATCH_BUFFER_BYTES);
    private final AtomicLong forces = new AtomicLong();
    private final AtomicLong forceNanos = new AtomicLong();
    private final AtomicLong slowestForceNanos = new AtomicLong();
    private volatile boolean closing;
    private volatile String refusal;
    private volatile Throwable writerFailure;
    private volatile Consumer<Throwable> onWriterFailure = failure -> { };

    GroupCommitWriter(JournalSegments segments, RecordPositions positions, JournalSealing sealing, long lastSequence,
            int queueCapacity, int maximumBatch, BiConsumer<JournalEntry, A> onDurable) {
        this.segments = segments;
        this.positions = positions;
        this.sealing = sealing;
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

    void start() {
        writer.start();
    }

    /** See {@link Journal#append}. */
    CompletableFuture<JournalEntry> append(JournalEntry entry, A attachment) throws JournalFullException {
        if (closing) {
            throw new JournalFullException("the relay is shutting down");
        }
        if (refusal != null) {
            throw new JournalFullException(refusal);
        }
        CompletableFuture<JournalEntry> done = new CompletableFuture<>();
        if (!queue.offer(new Pending<>(entry, attachment, done))) {
            throw new JournalFullException("the journal queue is full (" + queue.size() + " waiting)");
        }
        return done;
    }

    long lastSequence() {
        return nextSequence.get() - 1;
    }

    int queueDepth() {
        return queue.size();
    }

    long forceCount() {
        return forces.get();
    }

    long forceNanos() {
        return forceNanos.get();
    }

    long slowestForceNanos() {
        return slowestForceNanos.get();
    }

    Throwable writerFailure() {
        return writerFailure;
    }

    void onWriterFailure(Consumer<Throwable> action) {
        this.onWriterFailure = action;
    }

    void refuseFromNowOn(String reason) {
        if (refusal == null) {
            refusal = reason;
            LOG.log(System.Logger.Level.ERROR, "journal refuses uploads from now on: {0}", reason);
        }
    }

    /** Stops taking appends, lets the writer finish what is queued (at most 10 s) and answers what it wrote. */
    void close() {
        closing = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
            acknowledger.shutdown();
            acknowledger.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLoop() {
        List<Pending<A>> batch = new ArrayList<>(maximumBatch);
        while (!closing || !queue.isEmpty()) {
            try {
                Pending<A> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maximumBatch - 1);
                writeBatch(batch);
                if (refusal == null) {
                    segments.rollIfFull(nextSequence.get());
                }
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

    private void stopWriting(Error fatal, List<Pending<A>> batch) {
        writerFailure = fatal;
        refuseFromNowOn("the journal writer stopped (" + fatal + "); restart the relay");
        List<Pending<A>> waiting = new ArrayList<>(batch);
        queue.drainTo(waiting);
        waiting.forEach(pending -> pending.done().completeExceptionally(fatal));
        try {
            onWriterFailure.accept(fatal);
        } catch (RuntimeException | Error listenerFailure) {
            fatal.addSuppressed(listenerFailure);
        }
    }

    private void writeBatch(List<Pending<A>> batch) {
        JournalSegment current = segments.current();
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
            for (Pending<A> pending : batch) {
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
        handOn(batch, written);
        acknowledge(batch, written);
    }

    private void handOn(List<Pending<A>> batch, List<JournalEntry> written) {
        for (int i = 0; i < batch.size(); i++) {
            try {
                onDurable.accept(written.get(i), batch.get(i).attachment());
            } catch (RuntimeException processingFailure) {
                // The record is durable and a restart replays it; the upload is still acknowledged.
                LOG.log(System.Logger.Level.ERROR, "journal record {0} is stored but could not be handed on: {1}",
                        written.get(i).sequence(), processingFailure.toString());
            }
        }
    }

    /**
     * Whatever waits on a record (an upload's 202) runs on the acknowledger, so the writer goes on to the next group
     * commit at once; one hand-over per batch rather than a thread woken per record. The writer reuses the batch list,
     * so the acknowledger gets its own list of what to complete.
     */
    private void acknowledge(List<Pending<A>> batch, List<JournalEntry> written) {
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

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
