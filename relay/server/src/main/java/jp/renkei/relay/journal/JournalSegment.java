package jp.renkei.relay.journal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One file of the journal. The first is the journal's own name ({@code journal.log}, which older relays wrote alone);
 * each later one is {@code journal.log.<first sequence, 20 digits>}, so a segment whose records were all deleted still
 * tells the next sequence. Only the newest segment is written; older ones are only read, then deleted after retention.
 */
final class JournalSegment {
    private static final String NUMBERED = "%s.%020d";

    final Path path;
    /** The sequence its first record has or will have; 1 for the journal's own name, which always began the journal. */
    final long firstSequence;
    final FileChannel channel;
    volatile long lastSequence;
    volatile long newestReceivedAtMillis;

    private JournalSegment(Path path, long firstSequence, FileChannel channel) {
        this.path = path;
        this.firstSequence = firstSequence;
        this.channel = channel;
        this.lastSequence = firstSequence - 1;
    }

    static JournalSegment open(Path path, long firstSequence) throws IOException {
        return new JournalSegment(path, firstSequence, FileChannel.open(path, StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    /** A new, empty segment for records from {@code firstSequence} on, beside {@code journalFile}. */
    static JournalSegment create(Path journalFile, long firstSequence) throws IOException {
        Path path = journalFile.resolveSibling(String.format(NUMBERED, journalFile.getFileName(), firstSequence));
        return new JournalSegment(path, firstSequence, FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    /** A segment file found on disk. */
    record SegmentFile(Path path, long firstSequence) {
    }

    /** The segment files of {@code journalFile}, oldest first. */
    static List<SegmentFile> existing(Path journalFile) throws IOException {
        String base = journalFile.getFileName().toString();
        List<SegmentFile> found = new ArrayList<>();
        if (Files.exists(journalFile)) {
            found.add(new SegmentFile(journalFile, 1L));
        }
        try (Stream<Path> files = Files.list(journalFile.toAbsolutePath().getParent())) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.length() == base.length() + 21 && name.startsWith(base + ".")) {
                    String digits = name.substring(base.length() + 1);
                    if (digits.chars().allMatch(Character::isDigit)) {
                        found.add(new SegmentFile(file, Long.parseLong(digits)));
                    }
                }
            }
        }
        return found;
    }

    void recorded(JournalEntry entry) {
        lastSequence = entry.sequence();
        newestReceivedAtMillis = Math.max(newestReceivedAtMillis, entry.receivedAtMillis());
    }

    boolean isEmpty() {
        return lastSequence < firstSequence;
    }
}
