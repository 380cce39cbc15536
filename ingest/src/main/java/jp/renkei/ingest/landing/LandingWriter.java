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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.renkei.ingest.io.JapanTime;

/**
 * Writes the parts of a landing dataset: each to a hidden temp name, fsynced, then renamed into
 * {@code landing/<dataset>/dt=<Tokyo date>/part-<uuid>.csv} — or {@code landing/<dataset>/month=<YYYY-MM>/dt=…/}, one
 * part per month, for a dataset partitioned by month — so a reader never sees half a file.
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

    /**
     * Writes the rows (each in {@link LandingDataset#columns()} order) of a dataset that is not partitioned by month as
     * one part and returns its final path.
     */
    public Path writePart(LandingDataset dataset, Iterable<? extends List<?>> rows) throws IOException {
        if (dataset.monthColumn().isPresent()) {
            throw new IllegalArgumentException(dataset.directoryName() + " lands one part per month: use writeParts");
        }
        return writeParts(dataset, rows).get(0);
    }

    /** Writes the rows as the dataset's parts (one, or one per month) and returns their final paths. */
    public List<Path> writeParts(LandingDataset dataset, Iterable<? extends List<?>> rows) throws IOException {
        LandingRows formatted = new LandingRows(dataset);
        for (List<?> row : rows) {
            formatted.add(row);
        }
        return writeParts(formatted);
    }

    /**
     * Writes already formatted rows as the parts of their dataset — one, or one per month that holds rows (none when
     * there are no rows) — and returns their final paths.
     */
    public List<Path> writeParts(LandingRows rows) throws IOException {
        LocalDate landingDate = LocalDate.now(clock.withZone(LANDING_ZONE_ID));
        return writeParts(rows, landingDate, UUID.randomUUID().toString());
    }

    /**
     * Writes the parts under a given landing date and part id ({@code part-<id>.csv}): a part of the same id in the
     * same folder is replaced, which makes {@link LandingUpgrade} safe to repeat.
     */
    List<Path> writeParts(LandingRows rows, LocalDate landingDate, String partId) throws IOException {
        List<Path> parts = new ArrayList<>();
        for (String partition : rows.partitions()) {
            Path directory = landingRoot.resolve(rows.dataset().directoryName());
            if (!partition.equals(LandingRows.UNPARTITIONED)) {
                directory = directory.resolve(LandingDataset.MONTH_PARTITION + "=" + partition);
            }
            directory = directory.resolve("dt=" + landingDate);
            parts.add(writePart(rows, partition, directory, "part-" + partId + ".csv"));
        }
        return parts;
    }

    private static Path writePart(LandingRows rows, String partition, Path directory, String partName)
            throws IOException {
        Files.createDirectories(directory);
        Path temporary = directory.resolve("." + partName + ".tmp");
        Path target = directory.resolve(partName);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
             OutputStream output = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
            rows.writeTo(partition, output);
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
