package jp.renkei.relay.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;

/**
 * Opening a journal: every segment scanned in order, a torn tail cut, damaged records set aside, and every intact
 * record handed on before the journal accepts appends.
 */
final class JournalRecovery {
    private static final System.Logger LOG = System.getLogger(Journal.class.getName());

    /** What the scan found: the segments, where each record is, the last sequence and what could not be read. */
    record Recovered(JournalSegments segments, RecordPositions positions, long lastSequence,
            List<DamagedRecord> damaged) {
    }

    private JournalRecovery() {
    }

    static Recovered recover(Path file, long segmentBytes, JournalSealing sealing, Consumer<JournalEntry> recovered)
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
        return new Recovered(new JournalSegments(file, segmentBytes, segments), positions, lastSequence,
                List.copyOf(damaged));
    }

    /**
     * Scans one segment. Only the last may end in a torn record (it is cut), since a segment is forced before the next
     * one is begun; bad bytes with intact records after them, or at the end of an older segment, were acknowledged and
     * then damaged: they are copied aside ({@link DamagedRecord}) and left in place, and every record after them is
     * kept. Returns the last sequence so far.
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
                && positions.positionOf(segment.firstSequence) != 0) {
            throw new IOException("RELAY-JOURNAL-004 journal segment " + segment.path + " does not begin with record "
                    + segment.firstSequence + " as its name says; it was left as it is: keep a copy and report it");
        }
        return Math.max(lastSequenceBefore, segment.isEmpty() ? segment.firstSequence - 1 : segment.lastSequence);
    }
}
