package jp.renkei.relay.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.renkei.ingest.io.DurableFiles;

/**
 * Bytes of the journal that were acknowledged and can no longer be read, found when it opened; the file they held
 * is lost to the relay (its sender holds it and its receipt), and an operator must hear of it. {@code copy} holds
 * the bytes as they were found ({@code journal/damaged/}, owner-only); the journal itself is left as it is.
 */
public record DamagedRecord(Path segment, long position, long length, long afterSequence, Path copy) {
    private static final System.Logger LOG = System.getLogger(Journal.class.getName());
    private static final Pattern COPY_NAME =
            Pattern.compile("(.+)\\.at-([0-9]+)\\.after-([0-9]+)\\.bin");

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
        try (Stream<Path> copies = Files.list(folder)) {
            for (Path copy : copies.sorted().toList()) {
                Matcher name = COPY_NAME.matcher(copy.getFileName().toString());
                if (name.matches()) {
                    found.add(new DamagedRecord(journalFile.resolveSibling(name.group(1)),
                            Long.parseLong(name.group(2)), Files.size(copy), Long.parseLong(name.group(3)), copy));
                }
            }
        }
        found.sort(Comparator.comparing(DamagedRecord::segment)
                .thenComparingLong(DamagedRecord::position));
        return found;
    }

    static DamagedRecord setAside(JournalSegment segment, JournalScan.DamagedRegion region) throws IOException {
        Path copy = folder(segment.path).resolve(segment.path.getFileName() + ".at-" + region.position() + ".after-"
                + region.afterSequence() + ".bin");
        if (!Files.exists(copy) || Files.size(copy) != region.length()) {
            DurableFiles.copySecret(segment.channel, region.position(), region.length(), copy);
        }
        LOG.log(System.Logger.Level.ERROR, "RELAY-JOURNAL-006 journal {0}: {1} damaged bytes at byte {2}, after"
                + " record {3}, were acknowledged and cannot be read; the records after them are kept, the bytes"
                + " are copied to {4} (list them with: renkei-relay journal damaged --home …)", segment.path,
                region.length(), region.position(), region.afterSequence(), copy);
        return new DamagedRecord(segment.path, region.position(), region.length(), region.afterSequence(), copy);
    }
}
