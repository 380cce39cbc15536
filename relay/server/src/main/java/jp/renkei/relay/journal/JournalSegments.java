package jp.renkei.relay.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.LongConsumer;
import java.util.function.Predicate;
import jp.renkei.ingest.io.DurableFiles;

/**
 * The journal's segment files: the newest, which the writer appends to, and the older ones, only read until retention
 * deletes them. The writer thread rolls to a new segment; readers find a record's segment by its sequence.
 */
final class JournalSegments {
    private static final System.Logger LOG = System.getLogger(Journal.class.getName());

    /** Keyed by first sequence. */
    private final ConcurrentSkipListMap<Long, JournalSegment> segments;
    private final Path journalFile;
    private final long segmentBytes;
    private volatile JournalSegment current;

    JournalSegments(Path journalFile, long segmentBytes, ConcurrentSkipListMap<Long, JournalSegment> segments) {
        this.journalFile = journalFile;
        this.segmentBytes = segmentBytes;
        this.segments = segments;
        this.current = segments.lastEntry().getValue();
    }

    /** The segment new records go to. */
    JournalSegment current() {
        return current;
    }

    /** The file that holds record {@code sequence}, or null before the first segment. */
    FileChannel holding(long sequence) {
        Map.Entry<Long, JournalSegment> holding = segments.floorEntry(sequence);
        return holding == null ? null : holding.getValue().channel;
    }

    /**
     * Begins a new segment for records from {@code nextSequence} on once the current one is full. The current one was
     * forced with its last batch, so a crash can tear only the newest segment. The new file's name is made durable
     * before any record goes into it. Called by the writer thread only.
     */
    void rollIfFull(long nextSequence) {
        try {
            if (current.channel.size() < segmentBytes) {
                return;
            }
            JournalSegment next = JournalSegment.create(journalFile, nextSequence);
            try {
                DurableFiles.forceFolder(journalFile.toAbsolutePath().getParent());
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

    /** See {@link Journal#deleteOldSegments}. */
    synchronized List<Journal.SegmentSummary> deleteOld(Predicate<Journal.SegmentSummary> deletable,
            LongConsumer beforeDelete) throws IOException {
        List<Journal.SegmentSummary> deleted = new ArrayList<>();
        for (JournalSegment segment : segments.values()) {
            if (segment == current) {
                break;
            }
            Journal.SegmentSummary summary = new Journal.SegmentSummary(segment.path, segment.firstSequence,
                    segment.lastSequence, segment.newestReceivedAtMillis);
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
            DurableFiles.forceFolder(journalFile.toAbsolutePath().getParent());
        }
        return deleted;
    }

    /** The segments' files, oldest first. */
    List<Path> files() {
        return segments.values().stream().map(segment -> segment.path).toList();
    }

    void close() throws IOException {
        for (JournalSegment segment : segments.values()) {
            segment.channel.close();
        }
    }
}
