package jp.renkei.relay.agent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

/**
 * Tells a file that the care software has finished writing from one it is still writing, by the agent's own looks:
 * a file has settled once two looks at least {@code quiet} apart saw the same size and modification time. A file
 * that arrives by rename is judged the same way (it costs it one quiet period). The agent's clock, not the file's
 * time stamp, measures the quiet, so a file server's clock or a coarse time stamp (FAT: 2 s) cannot make a growing
 * file look old.
 */
final class SettledFiles {
    private record Look(long size, FileTime modified, Instant since) {
    }

    private final Clock clock;
    private final Duration quiet;
    private final Map<Path, Look> looks = new HashMap<>();

    SettledFiles(Clock clock, Duration quiet) {
        this.clock = clock;
        this.quiet = quiet;
    }

    /** Looks at {@code file} now: true when it has not changed for {@code quiet}; false also when it is gone. */
    boolean settled(Path file) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException gone) {
            looks.remove(file);
            return false;
        }
        Instant now = clock.instant();
        Look previous = looks.get(file);
        if (previous == null || previous.size() != attributes.size()
                || !previous.modified().equals(attributes.lastModifiedTime())) {
            looks.put(file, new Look(attributes.size(), attributes.lastModifiedTime(), now));
            return false;
        }
        return !now.isBefore(previous.since().plus(quiet));
    }

    /** Forgets the files that are no longer in the outbox (sent, moved or deleted). */
    void retainOnly(Collection<Path> present) {
        looks.keySet().retainAll(new HashSet<>(present));
    }
}
