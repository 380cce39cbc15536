package jp.renkei.ingest.landing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import jp.renkei.ingest.io.JapanTime;

/**
 * Writes one part file of a landing dataset: to a hidden temp name, fsynced, then renamed into
 * {@code landing/<dataset>/dt=<Tokyo date>/part-<uuid>.csv}, so a reader never sees half a file.
 */
public final class LandingWriter {
    /** Landing dates are Japanese calendar dates whatever the JVM's zone. */
    public static final ZoneId LANDING_ZONE_ID = JapanTime.ZONE;

    private final Path landingRoot;
    private final Clock clock;

    public LandingWriter(Path landingRoot, Clock clock) {
        this.landingRoot = landingRoot;
        this.clock = clock;
    }

    /** Writes the rows (each in {@link LandingDataset#columns()} order) as one part and returns its final path. */
    public Path writePart(LandingDataset dataset, Iterable<? extends List<?>> rows) throws IOException {
        LandingRows formatted = new LandingRows(dataset);
        for (List<?> row : rows) {
            formatted.add(row);
        }
        return writePart(formatted);
    }

    /** Writes already formatted rows as one part of their dataset and returns its final path. */
    public Path writePart(LandingRows rows) throws IOException {
        LandingDataset dataset = rows.dataset();
        LocalDate landingDate = LocalDate.now(clock.withZone(LANDING_ZONE_ID));
        Path directory = landingRoot.resolve(dataset.directoryName()).resolve("dt=" + landingDate);
        Files.createDirectories(directory);
        String partName = "part-" + UUID.randomUUID() + ".csv";
        Path temporary = directory.resolve("." + partName + ".tmp");
        Path target = directory.resolve(partName);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             OutputStream output = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            rows.writeTo(output);
            output.flush();
            channel.force(true);
        } catch (IOException | RuntimeException failure) {
            Files.deleteIfExists(temporary);
            throw failure;
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(directory);
        return target;
    }

    /** Makes the rename itself durable; some file systems refuse to open a directory, which is harmless. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignoredBecauseNotSupportedEverywhere) {
            // The part file itself is already durable; only the directory entry may be lost on power failure.
        }
    }
}
